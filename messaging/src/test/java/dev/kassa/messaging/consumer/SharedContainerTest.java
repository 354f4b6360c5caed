package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.PAIRED_A;
import static dev.kassa.messaging.support.TestTopics.PAIRED_A_HANDLER;
import static dev.kassa.messaging.support.TestTopics.PAIRED_B;
import static dev.kassa.messaging.support.TestTopics.PAIRED_B_HANDLER;
import static dev.kassa.messaging.support.TestTopics.PAIRED_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two topics that one group consumes alike (in batches, the same retry delays and threads): one container reads
 * both main topics and one both retry topics, a poll of both commits in one transaction, and each topic's events
 * reach their own handler and take their own retry and dead-letter topics.
 */
class SharedContainerTest extends SpringMessagingTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EventConsumerRegistrar registrar;

    @Autowired
    @Qualifier("pairedConsumerA")
    EventConsumer consumerA;

    @Autowired
    @Qualifier("pairedConsumerB")
    EventConsumer consumerB;

    @Autowired
    DataSource dataSource;

    @Test
    void theGroupsTwoTopicsRunOneContainerForTheirMainTopicsAndOneForTheirRetryTopics() {
        String listenerId = registrar.listenerIdOf(consumerA);
        assertThat(registrar.listenerIdOf(consumerB)).isEqualTo(listenerId);
        assertThat(listeners.getListenerContainer(listenerId).getContainerProperties().getTopics())
                .containsExactlyInAnyOrder(PAIRED_A, PAIRED_B);

        List<Set<String>> running = new ArrayList<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            Set<String> topics = Set.of(container.getContainerProperties().getTopics());
            if (container.isRunning() && topics.stream().anyMatch(t -> t.startsWith("test.paired-"))) {
                running.add(topics);
            }
        }
        assertThat(running).containsExactlyInAnyOrder(Set.of(PAIRED_A, PAIRED_B),
                Set.of(Topics.retryTopic(PAIRED_A, PAIRED_GROUP, 0), Topics.retryTopic(PAIRED_B, PAIRED_GROUP, 0)));
    }

    @Test
    void eachTopicsEventsReachTheirOwnHandlerAndOnePollOfBothCommitsOnce() {
        String key = "po-paired-" + UUID.randomUUID();
        List<String> idsA = newIds(20);
        List<String> idsB = newIds(20);
        whileStopped(() -> {
            idsA.forEach(id -> sendEventAsync(PAIRED_A, key, id));
            idsB.forEach(id -> sendEventAsync(PAIRED_B, key, id));
        });

        await().atMost(WAIT).until(() -> idsA.stream().allMatch(id -> handlers.effects(PAIRED_A_HANDLER, id) == 1)
                && idsB.stream().allMatch(id -> handlers.effects(PAIRED_B_HANDLER, id) == 1));
        assertThat(handlers.attemptsOf(PAIRED_A_HANDLER)).filteredOn(a -> idsA.contains(a.eventId()))
                .extracting(ScriptedHandlers.Attempt::topic).hasSize(idsA.size()).containsOnly(PAIRED_A);
        assertThat(handlers.attemptsOf(PAIRED_B_HANDLER)).filteredOn(a -> idsB.contains(a.eventId()))
                .extracting(ScriptedHandlers.Attempt::topic).hasSize(idsB.size()).containsOnly(PAIRED_B);
        // xmin is the id of the transaction that inserted the row: one transaction wrote rows of both handlers
        Integer shared = new JdbcTemplate(dataSource).queryForObject("""
                SELECT count(*) FROM (SELECT xmin::text FROM handled_event WHERE payment_order_id = ?
                                      GROUP BY xmin::text HAVING count(DISTINCT consumer) = 2) t""",
                Integer.class, key);
        assertThat(shared).isPositive();
    }

    @Test
    void aFailureTakesTheRetryAndDeadLetterTopicsOfItsOwnTopicOnly() {
        String key = "po-paired-fail-" + UUID.randomUUID();
        List<String> idsA = newIds(5);
        List<String> idsB = newIds(5);
        String failing = idsB.get(2);
        handlers.failAlways(PAIRED_B_HANDLER, failing);
        whileStopped(() -> {
            idsA.forEach(id -> sendEventAsync(PAIRED_A, key, id));
            idsB.forEach(id -> sendEventAsync(PAIRED_B, key, id));
        });

        await().atMost(WAIT).until(() -> hasEvent(Topics.deadLetterTopic(PAIRED_B, PAIRED_GROUP), failing));
        assertThat(idsA).allMatch(id -> handlers.effects(PAIRED_A_HANDLER, id) == 1);
        assertThat(idsB).filteredOn(id -> !id.equals(failing)).allMatch(id -> handlers.effects(PAIRED_B_HANDLER, id) == 1);
        assertThat(handlers.attempts(PAIRED_B_HANDLER, failing)).extracting(ScriptedHandlers.Attempt::topic)
                .endsWith(PAIRED_B, Topics.retryTopic(PAIRED_B, PAIRED_GROUP, 0));
        assertThat(hasEvent(Topics.retryTopic(PAIRED_A, PAIRED_GROUP, 0), failing)).isFalse();
        assertThat(hasEvent(Topics.deadLetterTopic(PAIRED_A, PAIRED_GROUP), failing)).isFalse();
    }

    /** Publishes while the main container is stopped, so that it reads both topics' records in its first poll. */
    private void whileStopped(Runnable sends) {
        MessageListenerContainer container = listeners.getListenerContainer(registrar.listenerIdOf(consumerA));
        container.stop();
        try {
            sends.run();
            rawSender.template().flush();
        } finally {
            container.start();
        }
    }

    private static boolean hasEvent(String topic, String eventId) {
        return readAll(topic).stream().anyMatch(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID)));
    }
}
