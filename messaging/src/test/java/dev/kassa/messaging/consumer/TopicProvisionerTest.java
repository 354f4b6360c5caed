package dev.kassa.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kassa.localstack.KafkaBroker;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.WithLocalStack;
import dev.kassa.messaging.config.TopicProvisioner;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TopicReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Topic creation against the real broker: the configured count, growth, and no request for what exists. */
@WithLocalStack
class TopicProvisionerTest {

    private static final int PARTITIONS = 5;

    /** The names of the admin requests every provisioning sent (a real admin client, only observed). */
    private final List<String> adminCalls = new CopyOnWriteArrayList<>();

    @Test
    void createsEveryTopicOfAGroupWithTheConfiguredCountAndNothingOnTheNextStart() {
        String main = "provision.fresh";
        List<String> followers = ConsumerTopics.followers(main, "fresh-group", List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));

        provisioner(PARTITIONS).provision(List.of(main), Map.of(main, followers));

        // Served as soon as provisioning returns: a consumer started next is never told UNKNOWN_TOPIC_OR_PARTITION.
        assertThat(partitions(main)).as(main).isEqualTo(PARTITIONS);
        followers.forEach(topic -> assertThat(partitions(topic)).as(topic).isEqualTo(PARTITIONS));
        assertThat(adminCalls).contains("createTopics");

        adminCalls.clear();
        provisioner(PARTITIONS).provision(List.of(main), Map.of(main, followers));
        assertThat(adminCalls).as("a second start only looks").doesNotContain("createTopics", "createPartitions");
    }

    @Test
    void growsARetryTopicWithFewerPartitionsThanConfigured() {
        String main = "provision.grow-retry";
        String group = "grow-group";
        String retry = Topics.retryTopic(main, group, 0);
        kafka().createTopics(Map.of(main, PARTITIONS, retry, 2));

        provisioner(PARTITIONS).provision(List.of(main), Map.of(main, ConsumerTopics.followers(main, group, List.of(Duration.ofSeconds(1)))));

        awaitPartitions(retry, PARTITIONS);
        assertThat(adminCalls).contains("createPartitions");
        awaitPartitions(main, PARTITIONS);
        awaitPartitions(Topics.deadLetterTopic(main, group), PARTITIONS);
    }

    @Test
    void growsAMainTopicWithFewerPartitionsAndItsFollowersWithItWithAWarning() {
        String main = "provision.grow-main";
        String group = "grow-main-group";
        String retry = Topics.retryTopic(main, group, 0);
        kafka().createTopics(Map.of(main, 2, retry, 2));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(TopicProvisioner.class);
        log.start();
        logger.addAppender(log);
        try {
            provisioner(PARTITIONS).provision(List.of(main), Map.of(main, ConsumerTopics.followers(main, group, List.of(Duration.ofSeconds(1)))));
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains(main, "order per key"));

        awaitPartitions(main, PARTITIONS);
        awaitPartitions(retry, PARTITIONS);
        awaitPartitions(ConsumerTopics.parkingTopic(Topics.deadLetterTopic(main, group)), PARTITIONS);
    }

    @Test
    void neverShrinksATopicAndGivesAMainTopicsLargerCountToItsFollowers() {
        String main = "provision.larger";
        String group = "larger-group";
        kafka().createTopics(Map.of(main, PARTITIONS + 2));

        provisioner(PARTITIONS).provision(List.of(main), Map.of(main, ConsumerTopics.followers(main, group, List.of(Duration.ofSeconds(1)))));

        awaitPartitions(main, PARTITIONS + 2);
        awaitPartitions(Topics.retryTopic(main, group, 0), PARTITIONS + 2);
        awaitPartitions(Topics.deadLetterTopic(main, group), PARTITIONS + 2);
    }

    private TopicProvisioner provisioner(int partitions) {
        return new TopicProvisioner(kafka().superUserClientProperties(),
                partitions, (short) 1, Duration.ofSeconds(30), config -> observed(Admin.create(config)));
    }

    /** The real admin client, recording the name of every method called on it. */
    private Admin observed(Admin admin) {
        return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    adminCalls.add(method.getName());
                    try {
                        return method.invoke(admin, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Waits for the count: a topic set up by {@code kafka().createTopics} reaches the broker a moment after the call. */
    private static void awaitPartitions(String topic, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(partitions(topic)).as(topic)
                .isEqualTo(expected));
    }

    private static int partitions(String topic) {
        return new TopicReader(kafka().superUserClientProperties()).partitionCount(topic);
    }

    private static KafkaBroker kafka() {
        return LocalStack.shared().kafka();
    }
}
