package dev.kassa.wallet.support;

import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays payment-service: a plain Kafka producer that writes Avro records (the project's serde) or raw bytes
 * to {@code payment.results}, keyed by payment order id, and waits for the broker's acknowledgement.
 */
public final class PaymentResultsProducer implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> avro;
    private final KafkaProducer<String, byte[]> raw;

    public PaymentResultsProducer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.avro = new KafkaProducer<>(config, new StringSerializer(), new KassaAvroSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record keyed by its payment order id and returns where it landed. */
    public RecordMetadata send(SpecificRecord record) {
        return await(avro.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, paymentOrderId(record), record)));
    }

    /** Sends many records asynchronously and waits until every one is acknowledged. */
    public void sendAll(List<? extends SpecificRecord> records) {
        List<Future<RecordMetadata>> sent = records.stream()
                .map(r -> avro.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, paymentOrderId(r), r)))
                .toList();
        sent.forEach(PaymentResultsProducer::await);
    }

    /** Bytes that are no Kassa record at all (a poison pill for a naive consumer). */
    public RecordMetadata sendRaw(String key, byte[] value) {
        return await(raw.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, key, value)));
    }

    private static String paymentOrderId(SpecificRecord record) {
        Schema.Field field = record.getSchema().getField("payment_order_id");
        return record.get(field.pos()).toString();
    }

    private static RecordMetadata await(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send to payment.results failed", e.getCause());
        }
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }
}
