package dev.kassa.testfixtures;

import dev.kassa.schemas.serde.KassaAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic as it is now, from its beginning up to its end offsets, without a consumer group: for
 * asserting on what a service published (wrap it in {@code await()} to wait for something to arrive). Values stay
 * bytes, so undecodable records and dead letters can be read too; {@link #decode} turns a Kassa record back into
 * its class. To follow a topic while a test runs, use {@link TopicRecorder}.
 */
public final class TopicReader {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, Object> connection;

    /** @param connection client properties that reach the broker: bootstrap servers and, where it needs them, credentials */
    public TopicReader(Map<String, ?> connection) {
        this.connection = Map.copyOf(connection);
    }

    /** Every record of the topic, oldest first per partition. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return read(topic, record -> true);
    }

    /** Every record of the topic whose key is {@code key}, oldest first per partition. */
    public List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        return read(topic, r -> key.equals(r.key()));
    }

    /** Every record of the topic that {@code filter} accepts, oldest first per partition. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    /** How many partitions the topic has. */
    public int partitionCount(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    /** The last value of a header as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A Kassa record from its single-object encoding, with the project's deserializer. */
    public static SpecificRecord decode(byte[] value) {
        try (KassaAvroDeserializer deserializer = new KassaAvroDeserializer()) {
            return deserializer.deserialize("any", value);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
