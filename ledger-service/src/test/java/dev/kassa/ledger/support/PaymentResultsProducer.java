package dev.kassa.ledger.support;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Plays payment-service's outbox relay: writes records to payment.results keyed by payment order id. */
public final class PaymentResultsProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final KassaAvroSerializer serializer = new KassaAvroSerializer();

    public PaymentResultsProducer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "ledger-test-payment-results"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the acknowledgement. */
    public void send(String key, SpecificRecord record) {
        await(sendAsync(key, record));
    }

    /** Sends without waiting; {@link #flush()} before expecting anything. */
    public Future<RecordMetadata> sendAsync(String key, SpecificRecord record) {
        ProducerRecord<String, byte[]> producerRecord =
                new ProducerRecord<>(Topics.PAYMENT_RESULTS, key, serializer.serialize(Topics.PAYMENT_RESULTS, record));
        Object eventId = record.get(record.getSchema().getField("event_id").pos());
        producerRecord.headers().add(KassaHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        producerRecord.headers().add(KassaHeaders.EVENT_TYPE,
                record.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
        return producer.send(producerRecord);
    }

    /**
     * The partition of payment.results that records with this key go to (the producer's default
     * partitioner: murmur2 of the key), so that a test can place several orders on one partition.
     */
    public int partitionOf(String key) {
        int partitions = producer.partitionsFor(Topics.PAYMENT_RESULTS).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Bytes that are no Kassa record at all. */
    public void sendRaw(String key, byte[] value) {
        await(producer.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, key, value)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void await(Future<RecordMetadata> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to payment.results failed", e.getCause());
        }
    }
}
