package dev.kassa.testfixtures;

import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Plays another service's outbox relay with a plain Kafka producer: Avro records with the project's serializer,
 * to the topic of their type, keyed as docs/architecture.md §2 says (payment order id; report date for a
 * discrepancy), with the {@code event-id} and {@code event-type} headers the relay adds
 * ({@code dev.kassa.messaging.KassaHeaders}, which this module cannot see: messaging's tests use it). Or raw
 * bytes, for records no deserializer can read.
 */
public final class EventProducer implements AutoCloseable {

    private static final String EVENT_ID_HEADER = "event-id";
    private static final String EVENT_TYPE_HEADER = "event-type";

    private final KafkaProducer<String, byte[]> producer;
    private final KassaAvroSerializer serializer = new KassaAvroSerializer();

    /** @param connection client properties that reach the broker: bootstrap servers and, where it needs them, credentials */
    public EventProducer(Map<String, ?> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a record to its type's topic under its usual key and waits for the acknowledgement. */
    public RecordMetadata send(SpecificRecord record) {
        return send(keyOf(record), record);
    }

    /** Sends a record to its type's topic under {@code key} and waits for the acknowledgement. */
    public RecordMetadata send(String key, SpecificRecord record) {
        return send(Topics.topicOf(record.getClass()), key, record);
    }

    /** Sends a record to {@code topic} under {@code key} and waits for the acknowledgement. */
    public RecordMetadata send(String topic, String key, SpecificRecord record) {
        return await(sendAsync(topic, key, record), topic);
    }

    /** Sends without waiting, to the record's type's topic; {@link #flush()} before expecting anything. */
    public Future<RecordMetadata> sendAsync(String key, SpecificRecord record) {
        return sendAsync(Topics.topicOf(record.getClass()), key, record);
    }

    /** Sends without waiting; {@link #flush()} before expecting anything. */
    public Future<RecordMetadata> sendAsync(String topic, String key, SpecificRecord record) {
        ProducerRecord<String, byte[]> producerRecord =
                new ProducerRecord<>(topic, key, serializer.serialize(topic, record));
        producerRecord.headers().add(EVENT_ID_HEADER, field(record, "event_id").getBytes(StandardCharsets.UTF_8));
        producerRecord.headers().add(EVENT_TYPE_HEADER,
                record.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
        return producer.send(producerRecord);
    }

    /** Sends each record as {@link #send(SpecificRecord)} does, all at once; waits for every acknowledgement. */
    public List<String> sendAll(SpecificRecord... records) {
        return sendAll(Arrays.asList(records));
    }

    /**
     * Sends each record as {@link #send(SpecificRecord)} does, all at once, and waits for every acknowledgement.
     *
     * @return the records' event ids, in order
     */
    public List<String> sendAll(List<? extends SpecificRecord> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (SpecificRecord record : records) {
            sent.add(sendAsync(keyOf(record), record));
        }
        sent.forEach(future -> await(future, "a Kassa topic"));
        return records.stream().map(r -> field(r, "event_id")).toList();
    }

    /** Bytes that are no Kassa record at all (a poison pill for a naive consumer); waits for the acknowledgement. */
    public RecordMetadata sendRaw(String topic, String key, byte[] value) {
        return await(producer.send(new ProducerRecord<>(topic, key, value)), topic);
    }

    /**
     * The partition of {@code topic} that records with this key go to (the producer's default partitioner:
     * murmur2 of the key), so that a test can place several orders on one partition.
     */
    public int partitionOf(String topic, String key) {
        int partitions = producer.partitionsFor(topic).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The key its producing service gives a record: the payment order id, or a discrepancy's report date. */
    private static String keyOf(SpecificRecord record) {
        return record instanceof DiscrepancyFound found ? found.getReportDate() : field(record, "payment_order_id");
    }

    private static String field(SpecificRecord record, String name) {
        return String.valueOf(record.get(record.getSchema().getField(name).pos()));
    }

    private static RecordMetadata await(Future<RecordMetadata> future, String topic) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send to " + topic + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a send to " + topic + " in 30 s", e);
        }
    }
}
