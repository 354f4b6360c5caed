package dev.kassa.localstack;

import java.util.List;

/**
 * Keeps test and service logs readable: the in-process broker (and the Kafka clients beside it) log a lot
 * at INFO. Their loggers are set to WARN unless the application configured a level for them itself.
 * Only logback (Spring Boot's default) is handled; with another backend, configure the levels there.
 */
final class QuietLogging {

    static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    /** Testcontainers logs each container's start at INFO under "tc.&lt;image&gt;". */
    static final List<String> LOCAL_STACK_LOGGERS = List.of("io.zonky.test", "org.testcontainers", "tc");
    /**
     * Testcontainers' Docker lookup logs an ERROR when no engine answers, which is the expected answer of
     * {@code kassa.stack=auto} on a machine without Docker; {@link LocalStack} logs which stack runs and why, and
     * a container start without Docker fails with the same explanation.
     */
    static final List<String> DOCKER_LOOKUP = List.of("org.testcontainers.dockerclient");
    /**
     * When many consumers of a new broker look for their group coordinator at once, each asks the broker to
     * create {@code __consumer_offsets}; all but the first get a harmless TOPIC_ALREADY_EXISTS, logged at WARN
     * once per request (hundreds at every start). Real failures of auto-creation are logged at ERROR.
     */
    static final List<String> NOISY_AT_WARN = List.of("kafka.server.DefaultAutoTopicCreationManager");

    private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.LoggerContext");

    private QuietLogging() {
    }

    static void apply() {
        if (LOGBACK_PRESENT) {
            LogbackLevels.warnUnlessConfigured(KAFKA_LOGGERS);
            LogbackLevels.warnUnlessConfigured(LOCAL_STACK_LOGGERS);
            LogbackLevels.errorUnlessConfigured(NOISY_AT_WARN);
            LogbackLevels.offUnlessConfigured(DOCKER_LOOKUP);
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
