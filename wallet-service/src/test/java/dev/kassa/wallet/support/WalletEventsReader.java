package dev.kassa.wallet.support;

import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code wallet.events} from the beginning, as payment-service and reconciliation would. */
public final class WalletEventsReader implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();

    public WalletEventsReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new KassaAvroDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.WALLET_EVENTS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until {@code count} records keyed by {@code paymentOrderId} have been published, and returns them. */
    public List<ConsumerRecord<String, SpecificRecord>> awaitRecords(String paymentOrderId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return keyed(paymentOrderId).size() >= count;
        });
        return keyed(paymentOrderId);
    }

    private List<ConsumerRecord<String, SpecificRecord>> keyed(String paymentOrderId) {
        return seen.stream().filter(r -> paymentOrderId.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
