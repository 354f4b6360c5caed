package dev.kassa.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft log directory once, with the super user's SCRAM credential; a formatted directory (it has
 * meta.properties) is reused as is.
 */
final class KafkaStorage {

    private KafkaStorage() {
    }

    /** @return true if the directory was formatted now, false if it already was. */
    static boolean formatIfNeeded(KafkaConfig config, Path logDir, KafkaCredentials superUser) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerSettings.CONTROLLER_LISTENER)
                    // SCRAM credentials live in the metadata log: the super user's must be there before anyone
                    // can log in to create the others.
                    .setScramArguments(List.of(KafkaBrokerSettings.CLIENT_MECHANISM + "=[name=" + superUser.username()
                            + ",password=" + superUser.password() + "]"))
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir, e);
        }
    }
}
