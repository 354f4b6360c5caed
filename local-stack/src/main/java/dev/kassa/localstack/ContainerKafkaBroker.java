package dev.kassa.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.testcontainers.kafka.KafkaContainer;

/** {@link KafkaBroker} as an {@code apache/kafka} container; outages are the embedded broker's to simulate. */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;
    private final KafkaTopics topics;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
        this.topics = new KafkaTopics(container.getBootstrapServers());
    }

    static ContainerKafkaBroker start(Options options) {
        KafkaContainer container = ContainerImages.kafka(options.defaultPartitions());
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int port() {
        String servers = bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    @Override
    public Path dataDir() {
        throw embeddedOnly("dataDir()");
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        topics.createMissing(partitionsByTopic, Duration.ofSeconds(30));
    }

    @Override
    public void stop() {
        throw embeddedOnly("stop()");
    }

    @Override
    public void restart() {
        throw embeddedOnly("restart()");
    }

    @Override
    public void close() {
        topics.close();
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerKafkaBroker[" + ContainerImages.KAFKA + ", " + bootstrapServers() + "]";
    }

    static UnsupportedOperationException embeddedOnly(String operation) {
        return new UnsupportedOperationException(operation + " needs the embedded servers (kassa.stack=embedded): "
                + "a container's restart moves its port and its data stays inside it");
    }
}
