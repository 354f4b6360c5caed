package dev.kassa.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/** Formats a KRaft log directory once; a formatted directory (it has meta.properties) is reused as is. */
final class KafkaStorage {

    private KafkaStorage() {
    }

    /** @return true if the directory was formatted now, false if it already was. */
    static boolean formatIfNeeded(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir, e);
        }
    }
}
