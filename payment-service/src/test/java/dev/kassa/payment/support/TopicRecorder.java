package dev.kassa.payment.support;

import dev.kassa.localstack.LocalStack;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records everything published to one topic (from its beginning) in the background, as another service
 * would see it: tests assert on what payment-service really put on Kafka.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, SpecificRecord>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    public TopicRecorder(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new KassaAvroDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = Thread.ofPlatform().daemon().name("record-" + topic).start(this::poll);
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
        return records.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** The records of one key with their headers. */
    public List<ConsumerRecord<String, SpecificRecord>> recordsForKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
