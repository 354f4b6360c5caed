package dev.kassa.testfixtures;

import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.serde.KassaAvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records everything published to one topic, from its beginning, in the background and decoded with the
 * project's deserializer, as another service would see it: tests assert on what a service really put on Kafka.
 * For a one-off read of a topic as it is now (or of undecodable records), use {@link TopicReader}.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, SpecificRecord>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private volatile boolean running = true;

    /** @param connection client properties that reach the broker: bootstrap servers and, where it needs them, credentials */
    public TopicRecorder(Map<String, ?> connection, String topic) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-topic-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new KassaAvroDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Thread.ofPlatform().daemon().name("record-" + topic).start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    /** The records of one key (payment order id), in the order they were published. */
    public List<SpecificRecord> forKey(String key) {
        return recordsForKey(key).stream().map(ConsumerRecord::value).toList();
    }

    /** The records of one key with their headers. */
    public List<ConsumerRecord<String, SpecificRecord>> recordsForKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits (30 s at most) until {@code count} records of one key have been published, and returns them. */
    public List<ConsumerRecord<String, SpecificRecord>> awaitRecords(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> recordsForKey(key), found -> found.size() >= count);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
