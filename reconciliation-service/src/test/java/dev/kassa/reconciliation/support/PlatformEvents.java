package dev.kassa.reconciliation.support;

import dev.kassa.localstack.LocalStack;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes real Avro events, as payment-, wallet- and ledger-service would, to their topics (key: the
 * payment order id), with a plain producer and the schemas module's serializer.
 */
public final class PlatformEvents implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;

    public PlatformEvents() {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new KassaAvroSerializer());
    }

    /** Sends each record to its topic and waits for the acknowledgements; returns their event ids. */
    public List<String> publish(SpecificRecord... records) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (SpecificRecord record : records) {
            String key = String.valueOf(record.get(record.getSchema().getField("payment_order_id").pos()));
            sends.add(producer.send(new ProducerRecord<>(Topics.topicOf(record.getClass()), key, record)));
            eventIds.add(String.valueOf(record.get(record.getSchema().getField("event_id").pos())));
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not publish a test event", e.getCause());
            }
        }
        return eventIds;
    }

    /** Raw bytes, e.g. garbage that no deserializer can read. */
    public void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
