package dev.kassa.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.KafkaBroker;
import dev.kassa.localstack.WithLocalStack;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.sample.SampleEvents;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Every record type travels through a real broker on its contract topic and comes back equal. */
@WithLocalStack
class BrokerRoundTripTest {

    @Test
    void everyRecordTypeCrossesTheBrokerOnItsTopic(KafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topicByContractTopic = Topics.all().stream()
                .collect(Collectors.toMap(Topics.TopicSpec::name, t -> t.name() + "." + run));
        kafka.createTopics(topicByContractTopic.values().stream().collect(Collectors.toMap(t -> t, t -> 3)));

        List<SpecificRecord> sent = SampleEvents.all();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig(kafka),
                new StringSerializer(), new KassaAvroSerializer())) {
            for (SpecificRecord record : sent) {
                String topic = topicByContractTopic.get(Topics.topicOf(record.getClass()));
                producer.send(new ProducerRecord<>(topic, "po_" + record.getSchema().getName(), record)).get();
            }
        }

        List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig(kafka),
                new StringDeserializer(), new KassaAvroDeserializer())) {
            consumer.subscribe(topicByContractTopic.values());
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.size() < sent.size() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("po_" + record.value().getSchema().getName());
            assertThat(record.topic()).startsWith(Topics.topicOf(record.value().getClass()) + ".");
        });
    }

    private static Properties producerConfig(KafkaBroker kafka) {
        Properties config = new Properties();
        config.putAll(kafka.superUserClientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static Properties consumerConfig(KafkaBroker kafka) {
        Properties config = new Properties();
        config.putAll(kafka.superUserClientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "broker-round-trip-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
