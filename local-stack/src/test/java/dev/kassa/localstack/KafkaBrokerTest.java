package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@WithLocalStack
class KafkaBrokerTest {

    @Test
    void createsTopicsWithTheirPartitionCountsAndCarriesRecords(KafkaBroker kafka) throws Exception {
        kafka.createTopics(Map.of("broker-test.orders", 2, "broker-test.refunds", 1));

        try (Admin admin = admin(kafka)) {
            var topics = admin.describeTopics(Set.of("broker-test.orders", "broker-test.refunds"))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get("broker-test.orders").partitions()).hasSize(2);
            assertThat(topics.get("broker-test.refunds").partitions()).hasSize(1);
        }
        send(kafka, "broker-test.orders", "order-1", "12500 EUR");

        assertThat(readAll(kafka, "broker-test.orders", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order-1", "12500 EUR"));
    }

    @Test
    void createTopicsLeavesExistingTopicsAlone(KafkaBroker kafka) throws Exception {
        kafka.createTopics(Map.of("broker-test.idempotent", 2));
        kafka.createTopics(Map.of("broker-test.idempotent", 5, "broker-test.idempotent-other", 1));

        try (Admin admin = admin(kafka)) {
            var topics = admin.describeTopics(Set.of("broker-test.idempotent", "broker-test.idempotent-other"))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get("broker-test.idempotent").partitions()).hasSize(2);
            assertThat(topics.get("broker-test.idempotent-other").partitions()).hasSize(1);
        }
    }

    @Test
    void freshTopicsAreNewAndReady(LocalStack stack) throws Exception {
        String first = stack.freshTopic("broker-test.fresh", 2);
        String second = stack.freshTopic("broker-test.fresh", 2);

        assertThat(first).matches("broker-test\\.fresh\\.\\d+").isNotEqualTo(second);
        send(stack.kafka(), first, "k", "only in " + first);
        assertThat(readAll(stack.kafka(), first, 1)).extracting(ConsumerRecord::value).containsExactly("only in " + first);
    }

    @Test
    void doesNotCreateTopicsAutomatically(KafkaBroker kafka) {
        try (KafkaProducer<String, String> producer = producer(kafka, 1_000)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("broker-test.undeclared", "k", "v")).get())
                    .hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("not present in metadata");
        }
    }

    @Test
    void stopAndRestartKeepPortTopicsAndRecords(KafkaBroker kafka) throws Exception {
        assumeTrue(kafka instanceof EmbeddedKafkaBroker, "outages are simulated with the embedded broker only");
        String bootstrapServers = kafka.bootstrapServers();
        kafka.createTopics(Map.of("broker-test.outage", 1));
        send(kafka, "broker-test.outage", "before", "outage");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        try (KafkaProducer<String, String> producer = producer(kafka, 500)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("broker-test.outage", "during", "outage")).get())
                    .isInstanceOf(ExecutionException.class);
        }

        kafka.restart();
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        send(kafka, "broker-test.outage", "after", "outage");
        assertThat(readAll(kafka, "broker-test.outage", 2))
                .extracting(ConsumerRecord::key)
                .containsExactly("before", "after");
    }

    static void send(KafkaBroker kafka, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka, 10_000)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    static List<ConsumerRecord<String, String>> readAll(KafkaBroker kafka, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(kafka.superUserClientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    static KafkaProducer<String, String> producer(KafkaBroker kafka, int maxBlockMs) {
        return producer(kafka.superUserClientProperties(), maxBlockMs);
    }

    /** A producer that reaches the broker through {@code connection} (bootstrap servers and credentials). */
    static KafkaProducer<String, String> producer(Map<String, Object> connection, int maxBlockMs) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(maxBlockMs, 1_000) + 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    static Admin admin(KafkaBroker kafka) {
        return Admin.create(kafka.superUserClientProperties());
    }
}
