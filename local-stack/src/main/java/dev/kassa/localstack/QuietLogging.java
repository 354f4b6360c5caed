package dev.kassa.localstack;

import java.util.List;

/**
 * Keeps test and service logs readable: the in-process broker (and the Kafka clients beside it) log a lot
 * at INFO. Their loggers are set to WARN unless the application configured a level for them itself.
 * Only logback (Spring Boot's default) is handled; with another backend, configure the levels there.
 */
final class QuietLogging {

    static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    static final List<String> LOCAL_STACK_LOGGERS = List.of("io.zonky.test");

    private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.LoggerContext");

    private QuietLogging() {
    }

    static void apply() {
        if (LOGBACK_PRESENT) {
            LogbackLevels.warnUnlessConfigured(KAFKA_LOGGERS);
            LogbackLevels.warnUnlessConfigured(LOCAL_STACK_LOGGERS);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, QuietLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
