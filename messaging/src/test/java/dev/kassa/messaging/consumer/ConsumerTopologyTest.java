package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.DEFAULTS;
import static dev.kassa.messaging.support.TestTopics.DEFAULTS_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.messaging.support.TestTopics;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.retrytopic.DestinationTopic;
import org.springframework.kafka.retrytopic.DestinationTopicResolver;

/**
 * What a consumer declared without a backoff gets: one retry topic for its six retries 5 s apart, a dead-letter and
 * a parking topic, all created with the configured partition count.
 */
class ConsumerTopologyTest extends SpringMessagingTest {

    @Autowired
    DestinationTopicResolver destinations;
    @Autowired
    MessagingProperties properties;

    @Test
    void theDefaultBackoffRetriesSixTimesFiveSecondsApartOnOneTopic() {
        String listenerId = EventConsumer.of(DEFAULTS, DEFAULTS_GROUP, e -> { }).listenerId();
        String retries = Topics.retryTopic(DEFAULTS, DEFAULTS_GROUP, 0);
        String deadLetters = Topics.deadLetterTopic(DEFAULTS, DEFAULTS_GROUP);
        assertThat(destinations.getDestinationTopicByName(listenerId, retries).getDestinationDelay()).isEqualTo(5_000L);
        assertThat(properties.backoffOf(DEFAULTS_GROUP)).hasSize(6).containsOnly(Duration.ofSeconds(5));
        assertThat(ConsumerTopics.followers(DEFAULTS, DEFAULTS_GROUP, properties.backoffOf(DEFAULTS_GROUP)))
                .containsExactly(retries, deadLetters, deadLetters + ".parking");

        // Attempt n failed (1 is the main topic's): where the record goes next.
        RuntimeException transientFailure = new IllegalStateException("transient");
        long now = System.currentTimeMillis();
        List<String> route = new ArrayList<>();
        route.add(destinations.resolveDestinationTopic(listenerId, DEFAULTS, 1, transientFailure, now).getDestinationName());
        for (int attempt = 2; attempt <= 7; attempt++) {
            route.add(destinations.resolveDestinationTopic(listenerId, retries, attempt, transientFailure, now)
                    .getDestinationName());
        }
        assertThat(route).containsExactly(retries, retries, retries, retries, retries, retries, deadLetters);
    }

    @Test
    void aTrailingRunOfEqualDelaysSharesATopicWhenItIsAllOfThemOrFollowsDistinctOnes() {
        Duration s1 = Duration.ofSeconds(1);
        Duration s2 = Duration.ofSeconds(2);
        assertThat(ConsumerTopics.retryTopicCount(List.of(s1, s2, s2, s2))).isEqualTo(2);
        assertThat(ConsumerTopics.retryTopicCount(List.of(s1, s2))).isEqualTo(2);
        assertThat(ConsumerTopics.retryTopicCount(List.of(s2, s2, s2))).isEqualTo(1);
        assertThat(ConsumerTopics.retryTopicCount(List.of(s2))).isEqualTo(1);
        // The last delay also earlier, or a repeat before the run: spring-kafka could not name them apart.
        assertThat(ConsumerTopics.retryTopicCount(List.of(s2, s1, s2, s2))).isEqualTo(4);
        assertThat(ConsumerTopics.retryTopicCount(List.of(s1, s1, s2, s2))).isEqualTo(4);
        assertThat(ConsumerTopics.retryTopicCount(List.of())).isZero();
        // spring-kafka gives a lone shared topic the bare suffix, so the suffix carries the index Topics.retryTopic has.
        assertThat(ConsumerTopics.retryTopicSuffix("g", List.of(s2, s2, s2))).isEqualTo(".g.retry-0");
        assertThat(ConsumerTopics.retryTopicSuffix("g", List.of(s1, s2, s2))).isEqualTo(".g.retry");
        assertThat(ConsumerTopics.retryTopicSuffix("g", List.of(s2))).isEqualTo(".g.retry");
    }

    @Test
    void aGroupsOwnBackoffSetsItsRetryTopics() {
        String listenerId = EventConsumer.of(TestTopics.RETRY, TestTopics.RETRY_GROUP, e -> { }).listenerId();
        assertThat(destinations.getNextDestinationTopicFor(listenerId, TestTopics.RETRY).getDestinationDelay())
                .isEqualTo(100);
        assertThat(destinations.getNextDestinationTopicFor(listenerId,
                Topics.retryTopic(TestTopics.RETRY, TestTopics.RETRY_GROUP, 0)).getDestinationDelay()).isEqualTo(200);
        assertThat(destinations.getNextDestinationTopicFor(listenerId,
                Topics.retryTopic(TestTopics.RETRY, TestTopics.RETRY_GROUP, 1)).isDltTopic()).isTrue();
    }

    @Test
    void everyTopicOfAGroupIsCreatedWithTheConfiguredPartitionCount() {
        int partitions = new TopicReader(superUser()).partitionCount(DEFAULTS);
        assertThat(partitions).isEqualTo(properties.topicPartitions());
        List<String> followers = ConsumerTopics.followers(DEFAULTS, DEFAULTS_GROUP, properties.backoffOf(DEFAULTS_GROUP));
        assertThat(followers).contains(Topics.deadLetterTopic(DEFAULTS, DEFAULTS_GROUP) + ".parking");
        for (String topic : followers) {
            assertThat(new TopicReader(superUser()).partitionCount(topic)).as(topic).isEqualTo(partitions);
        }
    }
}
