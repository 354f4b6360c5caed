package dev.kassa.messaging.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics explicitly (brokers run with {@code auto.create.topics.enable=false}). A main topic
 * that already exists keeps its partition count, and the topics that follow it (retry, dead-letter,
 * parking) get that same count, so a record keeps its partition number from topic to topic.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Map<String, Object> adminConfig;
    private final int defaultPartitions;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicProvisioner(Map<String, Object> adminConfig, int defaultPartitions, short replicationFactor,
                            Duration timeout) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.defaultPartitions = defaultPartitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /**
     * Ensures every main topic exists, then every follower topic with its main topic's partition count.
     *
     * @param followers follower topic names by main topic
     */
    public void provision(Collection<String> mainTopics, Map<String, ? extends Collection<String>> followers) {
        Set<String> mains = new LinkedHashSet<>(mainTopics);
        mains.addAll(followers.keySet());
        try (Admin admin = Admin.create(adminConfig)) {
            create(admin, mains.stream().map(t -> new NewTopic(t, defaultPartitions, replicationFactor)).toList());
            Map<String, Integer> partitions = partitionCounts(admin, followers.keySet());
            List<NewTopic> followerTopics = new ArrayList<>();
            followers.forEach((main, names) -> names.forEach(name ->
                    followerTopics.add(new NewTopic(name, partitions.get(main), replicationFactor))));
            create(admin, followerTopics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka topics " + mains + " and their retry and"
                    + " dead-letter topics within " + timeout + ": " + e.getMessage(), e);
        }
    }

    private void create(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics,
                new CreateTopicsOptions().timeoutMs((int) timeout.toMillis())).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private Map<String, Integer> partitionCounts(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        descriptions.forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }
}
