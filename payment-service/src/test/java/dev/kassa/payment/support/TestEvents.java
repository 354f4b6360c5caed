package dev.kassa.payment.support;

import dev.kassa.localstack.LocalStack;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service would (wallet-service, ledger-service), with the real serde. */
public final class TestEvents {

    private static KafkaProducer<String, SpecificRecord> producer;

    private TestEvents() {
    }

    public static synchronized void publish(String topic, String key, SpecificRecord record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new KassaAvroSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, record)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
