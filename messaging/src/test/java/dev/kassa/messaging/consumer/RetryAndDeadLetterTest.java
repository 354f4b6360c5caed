package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.RETRY;
import static dev.kassa.messaging.support.TestTopics.RETRY_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Non-blocking retries through the group's own topics: a transient failure succeeds once on a retry topic, a
 * permanent one ends on the group's dead-letter topic, an invalid event goes there at once. Backoff here: 100ms, 200ms.
 */
class RetryAndDeadLetterTest extends SpringMessagingTest {

    private static final String DLT = Topics.deadLetterTopic(RETRY, RETRY_GROUP);

    @Autowired
    MeterRegistry meters;

    @Test
    void aTransientFailurePassesThroughTheRetryTopicsAndSucceedsOnce() {
        String eventId = publish(RETRY, "po-transient", event("po-transient"),
                id -> handlers.failTransiently(RETRY_GROUP, id, 2));

        await().atMost(WAIT).until(() -> handlers.effects(RETRY_GROUP, eventId) == 1);
        assertThat(handlers.attempts(RETRY_GROUP, eventId)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(RETRY, Topics.retryTopic(RETRY, RETRY_GROUP, 0), Topics.retryTopic(RETRY, RETRY_GROUP, 1));
        assertThat(recordsOf(DLT, eventId)).isEmpty();
    }

    @Test
    void aPermanentFailureReachesTheGroupsDeadLetterTopicAfterTheConfiguredRetries() {
        double deadLettersBefore = deadLetters();
        String eventId = publish(RETRY, "po-permanent", event("po-permanent"),
                id -> handlers.failAlways(RETRY_GROUP, id));

        await().atMost(WAIT).until(() -> !recordsOf(DLT, eventId).isEmpty());
        assertThat(handlers.attempts(RETRY_GROUP, eventId)).hasSize(3);
        assertThat(handlers.effects(RETRY_GROUP, eventId)).as("every failed effect rolled back").isZero();

        ConsumerRecord<String, byte[]> original = recordsOf(RETRY, eventId).getFirst();
        ConsumerRecord<String, byte[]> dead = recordsOf(DLT, eventId).getFirst();
        assertThat(dead.key()).isEqualTo("po-permanent");
        assertThat(dead.value()).isEqualTo(original.value());
        assertThat(dead.partition()).isEqualTo(original.partition());
        assertThat(TopicReader.header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(RETRY);
        assertThat(intHeader(dead, KafkaHeaders.ORIGINAL_PARTITION)).isEqualTo(original.partition());
        assertThat(longHeader(dead, KafkaHeaders.ORIGINAL_OFFSET)).isEqualTo(original.offset());
        assertThat(TopicReader.header(dead, KafkaHeaders.EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
        assertThat(TopicReader.header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).contains("permanent failure of " + eventId);
        assertThat(TopicReader.header(dead, KassaHeaders.EVENT_ID)).isEqualTo(eventId);
        await().atMost(WAIT).until(() -> deadLetters() == deadLettersBefore + 1);
    }

    @Test
    void anInvalidEventGoesStraightToTheDeadLetterTopic() {
        String eventId = publish(RETRY, "po-invalid", event("po-invalid"),
                id -> handlers.rejectAsInvalid(RETRY_GROUP, id));

        await().atMost(WAIT).until(() -> !recordsOf(DLT, eventId).isEmpty());
        assertThat(handlers.attempts(RETRY_GROUP, eventId)).hasSize(1);
        assertThat(TopicReader.header(recordsOf(DLT, eventId).getFirst(), KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                .isEqualTo(InvalidEventException.class.getName());
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String eventId) {
        return readAll(topic).stream().filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
    }

    private double deadLetters() {
        var counter = meters.find(ConsumerMetrics.DEAD_LETTERS).tag("topic", DLT).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int intHeader(ConsumerRecord<String, byte[]> record, String name) {
        return ByteBuffer.wrap(record.headers().lastHeader(name).value()).getInt();
    }

    private static long longHeader(ConsumerRecord<String, byte[]> record, String name) {
        return ByteBuffer.wrap(record.headers().lastHeader(name).value()).getLong();
    }
}
