package dev.kassa.messaging.support;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the Spring tests: ONE application context for all of them (same configuration, so Spring's
 * test context cache shares it), on the JVM's shared broker and a fresh database.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
public abstract class SpringMessagingTest {

    @Autowired
    protected Outbox outbox;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected RawKafkaSender rawSender;
    @Autowired
    protected ScriptedHandlers handlers;

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        LocalStackSpring.register(registry, "messaging");
    }

    /** The shared broker as its super user: these tests play every service. */
    protected static Map<String, Object> superUser() {
        return LocalStack.shared().kafka().superUserClientProperties();
    }

    /** A sample event for payment order {@code paymentOrderId}. */
    protected static PaymentOrderSucceeded event(String paymentOrderId) {
        return TestEvents.paymentSucceeded(paymentOrderId, "seller_1", 2999, "USD");
    }

    /** Publishes the way services do: through the outbox in a transaction; the relay sends it. */
    protected String publish(String topic, String key, SpecificRecord record) {
        return transactions.execute(status -> outbox.publish(topic, key, record));
    }

    /**
     * Publishes and, before the transaction commits (so before the relay can see the row), lets the test
     * script the handlers for the new event id.
     */
    protected String publish(String topic, String key, SpecificRecord record, java.util.function.Consumer<String> script) {
        return transactions.execute(status -> {
            String eventId = outbox.publish(topic, key, record);
            script.accept(eventId);
            return eventId;
        });
    }

    /** Sends bytes straight to a topic, bypassing the outbox (duplicates, garbage). */
    protected org.apache.kafka.clients.producer.RecordMetadata sendRaw(String topic, String key, byte[] value) {
        try {
            return rawSender.template().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS)
                    .getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a sample event with {@code eventId} straight to {@code topic}, unflushed: a burst of these shares a
     * partition (one key) and a poll. Flush with {@code rawSender.template().flush()}.
     */
    protected void sendEventAsync(String topic, String key, String eventId) {
        PaymentOrderSucceeded event = event(key);
        event.setEventId(eventId);
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, encode(topic, event));
        record.headers().add(KassaHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        rawSender.template().send(record);
    }

    /** {@code count} new event ids. */
    protected static List<String> newIds(int count) {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
    }

    protected static byte[] encode(String topic, SpecificRecord record) {
        return new KassaAvroSerializer().serialize(topic, record);
    }

    protected static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return new TopicReader(superUser()).readAll(topic);
    }

    protected static final Duration WAIT = Duration.ofSeconds(30);
}
