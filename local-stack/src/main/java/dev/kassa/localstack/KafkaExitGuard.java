package dev.kassa.localstack;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process broker shares its JVM with tests or the local-stack main. Kafka ends the process on fatal
 * faults (Exit.exit/halt); in a test JVM that would kill the whole test run without a report, so the
 * request is logged and turned into an exception in the failing Kafka thread instead.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static volatile boolean installed;

    private KafkaExitGuard() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
        Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        installed = true;
    }

    /** For a dedicated broker process (LocalStackMain), where a fatal fault should end the process. */
    static synchronized void uninstall() {
        Exit.resetExitProcedure();
        Exit.resetHaltProcedure();
        installed = false;
    }

    private static void refuse(String kind, int status, String message) {
        log.error("Embedded Kafka requested JVM {}({}): {} - refused; the broker is probably unusable now",
                kind, status, message);
        throw new IllegalStateException("Embedded Kafka requested JVM " + kind + "(" + status + "): " + message);
    }
}
