package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.ALPHA_GROUP;
import static dev.kassa.messaging.support.TestTopics.BETA_GROUP;
import static dev.kassa.messaging.support.TestTopics.SHARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two consumer groups of one topic in one JVM, each with its own retry and dead-letter topics. Backoff here: alpha
 * 100ms twice (one retry topic takes both retries), beta 100ms, 200ms (two retry topics).
 */
class TwoGroupsTest extends SpringMessagingTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(100);

    @Test
    void aFailureInOneGroupNeverReachesTheOtherGroupsRetryTopics() {
        String invalid = publish(SHARED, "po-shared-1", event("po-shared-1"),
                id -> handlers.rejectAsInvalid(ALPHA_GROUP, id));
        String flaky = publish(SHARED, "po-shared-2", event("po-shared-2"),
                id -> handlers.failTransiently(ALPHA_GROUP, id, 1));

        await().atMost(WAIT).until(() -> handlers.effects(ALPHA_GROUP, flaky) == 1
                && handlers.effects(BETA_GROUP, flaky) == 1 && handlers.effects(BETA_GROUP, invalid) == 1);
        await().atMost(WAIT).until(() -> hasEvent(Topics.deadLetterTopic(SHARED, ALPHA_GROUP), invalid));

        assertThat(hasEvent(Topics.retryTopic(SHARED, ALPHA_GROUP, 0), flaky)).isTrue();
        assertThat(readAll(Topics.retryTopic(SHARED, BETA_GROUP, 0))).isEmpty();
        assertThat(readAll(Topics.retryTopic(SHARED, BETA_GROUP, 1))).isEmpty();
        assertThat(readAll(Topics.deadLetterTopic(SHARED, BETA_GROUP))).isEmpty();
        assertThat(handlers.attemptsOf(BETA_GROUP)).extracting(ScriptedHandlers.Attempt::topic).containsOnly(SHARED);
        assertThat(handlers.attempts(BETA_GROUP, flaky)).hasSize(1);
        assertThat(handlers.attempts(ALPHA_GROUP, flaky)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(SHARED, Topics.retryTopic(SHARED, ALPHA_GROUP, 0));
    }

    @Test
    void retriesOfEqualDelaysShareTheGroupsFirstRetryTopicUntilTheDeadLetterTopic() {
        String failing = publish(SHARED, "po-shared-3", event("po-shared-3"),
                id -> handlers.failAlways(ALPHA_GROUP, id));

        await().atMost(WAIT).until(() -> hasEvent(Topics.deadLetterTopic(SHARED, ALPHA_GROUP), failing));
        String retryTopic = Topics.retryTopic(SHARED, ALPHA_GROUP, 0);
        assertThat(handlers.attempts(ALPHA_GROUP, failing)).extracting(ScriptedHandlers.Attempt::topic)
                .containsExactly(SHARED, retryTopic, retryTopic);
        assertThat(readAll(retryTopic).stream().filter(r -> failing.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))))
                .hasSize(2);
        assertThat(ConsumerTopics.followers(SHARED, ALPHA_GROUP, List.of(RETRY_DELAY, RETRY_DELAY)))
                .containsExactly(retryTopic, Topics.deadLetterTopic(SHARED, ALPHA_GROUP),
                        Topics.deadLetterTopic(SHARED, ALPHA_GROUP) + ".parking");
    }

    private static boolean hasEvent(String topic, String eventId) {
        return readAll(topic).stream().anyMatch(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID)));
    }
}
