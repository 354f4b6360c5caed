package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.BATCH;
import static dev.kassa.messaging.support.TestTopics.BATCH_GROUP;
import static dev.kassa.messaging.support.TestTopics.BATCH_HANDLER;
import static dev.kassa.messaging.support.TestTopics.BATCH_HANDLER_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * A consumer declared {@code inBatches()}: one transaction per poll, and a failing record in a batch takes
 * the same retry and dead-letter path as in a record consumer while its neighbours are applied once.
 * Records are sent straight to the topic in one burst with one key, so they share a partition and a poll.
 */
class BatchConsumerTest extends SpringMessagingTest {

    private static final String DLT = Topics.deadLetterTopic(BATCH, BATCH_GROUP);

    @Autowired
    DataSource dataSource;

    @Test
    void aBurstIsAppliedOnceEachInFarFewerTransactionsThanEvents() {
        String key = "po-burst-" + UUID.randomUUID();
        List<String> ids = newIds(200);
        String repeated = ids.get(7);
        send(key, ids);
        sendEvent(key, repeated); // the same event again, in the same poll or the next

        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> handlers.effects(BATCH_GROUP, id) == 1));
        assertThat(handlers.effects(BATCH_GROUP, repeated)).isEqualTo(1);
        assertThat(handlers.attempts(BATCH_GROUP, repeated)).hasSize(1);
        // xmin is the id of the transaction that inserted the row: one per batch, not one per event
        Integer transactions = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(DISTINCT xmin::text) FROM handled_event WHERE payment_order_id = ?", Integer.class, key);
        assertThat(transactions).isLessThan(ids.size() / 4);
    }

    @Test
    void aFailingRecordInABatchIsRetriedAloneAndItsNeighboursAreAppliedOnce() {
        String key = "po-batch-retry-" + UUID.randomUUID();
        List<String> ids = newIds(50);
        String eventId = ids.get(20);
        // fails in the batch's transaction and again on its own, then succeeds from the retry topic
        handlers.failTransiently(BATCH_GROUP, eventId, 2);
        send(key, ids);

        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> handlers.effects(BATCH_GROUP, id) == 1));
        assertThat(handlers.attempts(BATCH_GROUP, eventId)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(BATCH, BATCH, Topics.retryTopic(BATCH, BATCH_GROUP, 0));
        assertThat(recordsOf(DLT, eventId)).isEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(handlers.attempts(BATCH_GROUP, id))
                .as("attempts of %s", id).hasSizeLessThanOrEqualTo(id.equals(eventId) ? 3 : 2));
    }

    @Test
    void anInvalidEventInABatchGoesStraightToTheDeadLetterTopic() {
        String key = "po-batch-invalid-" + UUID.randomUUID();
        List<String> ids = newIds(30);
        String eventId = ids.get(10);
        handlers.rejectAsInvalid(BATCH_GROUP, eventId);
        send(key, ids);

        await().atMost(WAIT).until(() -> !recordsOf(DLT, eventId).isEmpty());
        await().atMost(WAIT).until(() -> ids.stream().filter(id -> !id.equals(eventId))
                .allMatch(id -> handlers.effects(BATCH_GROUP, id) == 1));
        assertThat(handlers.effects(BATCH_GROUP, eventId)).isZero();
        assertThat(handlers.attempts(BATCH_GROUP, eventId)).extracting(ScriptedHandlers.Attempt::topic)
                .containsOnly(BATCH);
        assertThat(TopicReader.header(recordsOf(DLT, eventId).getFirst(), KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                .isEqualTo(InvalidEventException.class.getName());
    }

    @Test
    void garbageInABatchIsDeadLetteredWithItsBytesAndTheRestIsApplied() {
        String key = "po-batch-garbage-" + UUID.randomUUID();
        byte[] garbage = ("not avro " + key).getBytes(StandardCharsets.UTF_8);
        List<String> before = newIds(10);
        List<String> after = newIds(10);
        before.forEach(id -> sendAsync(key, id));
        rawSender.template().send(new ProducerRecord<>(BATCH, key, garbage));
        send(key, after);

        await().atMost(WAIT).until(() -> readAll(DLT).stream().anyMatch(r -> Arrays.equals(r.value(), garbage)));
        await().atMost(WAIT).until(() -> after.stream().allMatch(id -> handlers.effects(BATCH_GROUP, id) == 1));
        assertThat(before).allMatch(id -> handlers.effects(BATCH_GROUP, id) == 1);
        ConsumerRecord<String, byte[]> dead = readAll(DLT).stream()
                .filter(r -> Arrays.equals(r.value(), garbage)).findFirst().orElseThrow();
        assertThat(TopicReader.header(dead, KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                .isEqualTo(DeserializationException.class.getName());
        assertThat(TopicReader.header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(BATCH);
    }

    @Test
    void aBatchHandlerGetsEachNewEventOnceInReadOrderAndAFailedBatchFallsBackToTheEventHandler() {
        String key = "po-batch-handler-" + UUID.randomUUID();
        List<String> ids = newIds(100);
        String failing = ids.get(60);
        handlers.failTransiently(BATCH_HANDLER_GROUP, failing, 1); // fails its batch once
        ids.forEach(id -> sendEventAsync(BATCH_HANDLER, key, id));
        sendEventAsync(BATCH_HANDLER, key, ids.get(3)); // a duplicate
        rawSender.template().flush();

        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> handlers.effects(BATCH_HANDLER_GROUP, id) == 1));
        assertThat(handlers.effects(BATCH_HANDLER_GROUP, ids.get(3))).isEqualTo(1);
        assertThat(handlers.batchSizes(BATCH_HANDLER_GROUP)).as("batches, not single events").anyMatch(n -> n > 1);
        assertThat(handlers.attempts(BATCH_HANDLER_GROUP, failing)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(BATCH_HANDLER, BATCH_HANDLER);
        List<String> order = handlers.attemptsOf(BATCH_HANDLER_GROUP).stream()
                .map(ScriptedHandlers.Attempt::eventId).filter(ids::contains).distinct().toList();
        assertThat(order).containsExactlyElementsOf(ids);
    }

    /** Sends one event per id with {@code key}, in one burst. */
    private void send(String key, List<String> ids) {
        ids.forEach(id -> sendAsync(key, id));
        rawSender.template().flush();
    }

    private void sendEvent(String key, String eventId) {
        sendAsync(key, eventId);
        rawSender.template().flush();
    }

    private void sendAsync(String key, String eventId) {
        sendEventAsync(BATCH, key, eventId);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String eventId) {
        return readAll(topic).stream().filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
    }
}
