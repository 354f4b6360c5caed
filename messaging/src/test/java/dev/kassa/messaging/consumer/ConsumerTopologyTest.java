package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.DEFAULTS;
import static dev.kassa.messaging.support.TestTopics.DEFAULTS_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.messaging.support.TestTopics;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.retrytopic.DestinationTopic;
import org.springframework.kafka.retrytopic.DestinationTopicResolver;

/**
 * What a consumer declared without a backoff gets: retry topics for 1s, 2s, 4s, 8s, 16s, a dead-letter and
 * a parking topic, all created with the configured partition count.
 */
class ConsumerTopologyTest extends SpringMessagingTest {

    @Autowired
    DestinationTopicResolver destinations;
    @Autowired
    MessagingProperties properties;

    @Test
    void theDefaultBackoffIsOneRetryTopicPerDelayOf1To16Seconds() {
        String listenerId = EventConsumer.of(DEFAULTS, DEFAULTS_GROUP, e -> { }).listenerId();
        List<Long> delays = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            DestinationTopic retry = destinations.getDestinationTopicByName(listenerId,
                    Topics.retryTopic(DEFAULTS, DEFAULTS_GROUP, n));
            delays.add(retry.getDestinationDelay());
        }
        assertThat(delays).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L);
        assertThat(destinations.getDestinationTopicByName(listenerId, Topics.deadLetterTopic(DEFAULTS, DEFAULTS_GROUP))
                .isDltTopic()).isTrue();
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
        int partitions = new TopicReader(bootstrapServers()).partitionCount(DEFAULTS);
        assertThat(partitions).isEqualTo(properties.topicPartitions());
        List<String> followers = ConsumerTopics.followers(DEFAULTS, DEFAULTS_GROUP, 5);
        assertThat(followers).contains(Topics.deadLetterTopic(DEFAULTS, DEFAULTS_GROUP) + ".parking");
        for (String topic : followers) {
            assertThat(new TopicReader(bootstrapServers()).partitionCount(topic)).as(topic).isEqualTo(partitions);
        }
    }
}
