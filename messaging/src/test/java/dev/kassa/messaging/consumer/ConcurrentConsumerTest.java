package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.CONCURRENT;
import static dev.kassa.messaging.support.TestTopics.CONCURRENT_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A consumer declared concurrent: whole polls go to its handler outside any library transaction, and each event
 * the handler reports as failed takes the group's retry topics or, if invalid, goes straight to its dead-letter
 * topic, while the others of the poll are done once; its retry topics too are consumed in whole polls. Backoff
 * here: 100ms, 200ms.
 */
class ConcurrentConsumerTest extends SpringMessagingTest {

    private static final String DLT = Topics.deadLetterTopic(CONCURRENT, CONCURRENT_GROUP);

    @Autowired
    KafkaListenerEndpointRegistry listenerContainers;

    @Test
    void failedEventsOfAPollLeaveItForTheRetryPathAndTheOthersAreDoneOnce() {
        String fine = publish(CONCURRENT, "po-c-fine", event("po-c-fine"));
        String transientOne = publish(CONCURRENT, "po-c-transient", event("po-c-transient"),
                id -> handlers.failTransiently(CONCURRENT_GROUP, id, 1));
        String permanent = publish(CONCURRENT, "po-c-permanent", event("po-c-permanent"),
                id -> handlers.failAlways(CONCURRENT_GROUP, id));
        String invalid = publish(CONCURRENT, "po-c-invalid", event("po-c-invalid"),
                id -> handlers.rejectAsInvalid(CONCURRENT_GROUP, id));

        await().atMost(WAIT).until(() -> !recordsOf(DLT, permanent).isEmpty() && !recordsOf(DLT, invalid).isEmpty());
        await().atMost(WAIT).until(() -> handlers.attempts(CONCURRENT_GROUP, transientOne).size() == 2);

        assertThat(handlers.attempts(CONCURRENT_GROUP, fine)).as("done in its poll, once").hasSize(1);
        assertThat(handlers.attempts(CONCURRENT_GROUP, transientOne)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(CONCURRENT, Topics.retryTopic(CONCURRENT, CONCURRENT_GROUP, 0));
        assertThat(handlers.attempts(CONCURRENT_GROUP, permanent)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(CONCURRENT, Topics.retryTopic(CONCURRENT, CONCURRENT_GROUP, 0),
                        Topics.retryTopic(CONCURRENT, CONCURRENT_GROUP, 1));
        assertThat(handlers.attempts(CONCURRENT_GROUP, invalid)).as("never retried").hasSize(1);
        assertThat(recordsOf(DLT, fine)).isEmpty();
        assertThat(recordsOf(DLT, transientOne)).isEmpty();

        ConsumerRecord<String, byte[]> dead = recordsOf(DLT, permanent).getFirst();
        assertThat(TopicReader.header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(CONCURRENT);
        assertThat(TopicReader.header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).contains("permanent failure of " + permanent);
        assertThat(TopicReader.header(recordsOf(DLT, invalid).getFirst(), KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                .isEqualTo(InvalidEventException.class.getName());
    }

    @Test
    void itsRetryTopicsAreConsumedInWholePollsTooAndItsDeadLetterTopicIsNotConsumed() {
        for (int n = 0; n < 2; n++) {
            String retryTopic = Topics.retryTopic(CONCURRENT, CONCURRENT_GROUP, n);
            assertThat(containerOf(retryTopic).getContainerProperties().getMessageListener()).as(retryTopic)
                    .isInstanceOf(BatchMessageListener.class);
        }
        assertThat(containerOf(DLT).isRunning()).isFalse();
    }

    private MessageListenerContainer containerOf(String topic) {
        return listenerContainers.getAllListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(topic))
                .findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String eventId) {
        return readAll(topic).stream().filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
    }
}
