package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.TRACED;
import static dev.kassa.messaging.support.TestTopics.TRACED_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.testfixtures.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace per event: what a consumer publishes while handling a consumed record continues that record's trace
 * (its {@code traceparent}), in a child span of the consumer, whether the event was applied in a batch with
 * others, alone after its batch failed, or from a retry topic; and the handler's log context names the trace.
 * The test application's consumer of {@code test.traced} publishes two events per consumed one, as wallet-service
 * and ledger-service do: one from inside the event's own handler, one after the whole batch naming it as
 * {@code source_event_id}.
 */
class TraceContextTest extends SpringMessagingTest {

    private static final int EVENTS = 40;

    @Test
    void everyEventPublishedForAConsumedRecordCarriesThatRecordsTraceId() {
        String key = "po-traced-" + UUID.randomUUID();
        Map<String, Traceparent> sent = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String eventId = UUID.randomUUID().toString();
            ids.add(eventId);
            sent.put(eventId, Traceparent.random());
        }
        // Fails its batch and then alone: the records before it are applied one by one, it comes back from the
        // retry topic, and the records after it come in the next batches.
        String failing = ids.get(5);
        handlers.failTransiently(TRACED_GROUP, failing, 2);
        for (String eventId : ids) {
            send(key, eventId, sent.get(eventId));
        }
        rawSender.template().flush();

        await().atMost(WAIT).until(() -> published(Topics.WALLET_EVENTS, key).size() >= EVENTS
                && published(Topics.PAYMENT_RESULTS, key).size() >= EVENTS);

        assertThat(handlers.batchSizes(TRACED_GROUP)).as("batches applied together").anyMatch(n -> n > 1);
        assertThat(handlers.attempts(TRACED_GROUP, failing)).extracting(ScriptedHandlers.Attempt::topic)
                .contains(Topics.retryTopic(TRACED, TRACED_GROUP, 0));
        // After the batch: WalletCredited names its consumed event as source_event_id.
        Map<String, Traceparent> afterBatch = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : published(Topics.WALLET_EVENTS, key)) {
            WalletCredited credited = (WalletCredited) TopicReader.decode(record.value());
            afterBatch.put(credited.getSourceEventId(), Traceparent.of(record));
        }
        // From inside the event's own handler: the checkout id is the consumed event's id.
        Map<String, Traceparent> insideHandler = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : published(Topics.PAYMENT_RESULTS, key)) {
            PaymentOrderSucceeded succeeded = (PaymentOrderSucceeded) TopicReader.decode(record.value());
            insideHandler.put(succeeded.getCheckoutId(), Traceparent.of(record));
        }
        assertThat(afterBatch).containsOnlyKeys(ids);
        assertThat(insideHandler).containsOnlyKeys(ids);
        for (String eventId : ids) {
            Traceparent consumed = sent.get(eventId);
            assertThat(List.of(afterBatch.get(eventId), insideHandler.get(eventId))).as("published for %s", eventId)
                    .allSatisfy(published -> {
                        assertThat(published.traceId()).isEqualTo(consumed.traceId());
                        assertThat(published.spanId()).as("the consumer's own span").isNotEqualTo(consumed.spanId());
                    });
            assertThat(handlers.attempts(TRACED_GROUP, eventId)).as("log context of %s", eventId)
                    .isNotEmpty()
                    .allSatisfy(attempt -> assertThat(attempt.mdcTraceId()).isEqualTo(consumed.traceId()));
        }
    }

    private void send(String key, String eventId, Traceparent trace) {
        PaymentOrderSucceeded event = event(key);
        event.setEventId(eventId);
        ProducerRecord<String, Object> record = new ProducerRecord<>(TRACED, key, encode(TRACED, event));
        record.headers().add(KassaHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", trace.header().getBytes(StandardCharsets.UTF_8));
        rawSender.template().send(record);
    }

    private static List<ConsumerRecord<String, byte[]>> published(String topic, String key) {
        return new TopicReader(superUser()).recordsWithKey(topic, key);
    }

    /** A W3C trace context: {@code 00-<trace id>-<parent span id>-<flags>}. */
    private record Traceparent(String traceId, String spanId) {

        static Traceparent random() {
            HexFormat hex = HexFormat.of();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Traceparent(hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE))
                    + hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE)), hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE)));
        }

        static Traceparent of(ConsumerRecord<String, ?> record) {
            String header = TopicReader.header(record, "traceparent");
            assertThat(header).as("traceparent of %s-%d@%d", record.topic(), record.partition(), record.offset())
                    .isNotNull();
            String[] parts = header.split("-");
            return new Traceparent(parts[1], parts[2]);
        }

        String header() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }
}
