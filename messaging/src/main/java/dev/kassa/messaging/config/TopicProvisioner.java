package dev.kassa.messaging.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics explicitly (brokers run with {@code auto.create.topics.enable=false}), every one with the
 * configured partition count ({@code kassa.messaging.topic-partitions}).
 *
 * <ul>
 *   <li>It looks first and only creates the topics that do not exist, so a restart sends Kafka no request
 *       it would refuse (and log) as {@code TOPIC_ALREADY_EXISTS}.</li>
 *   <li>A topic with fewer partitions than configured is grown; none is ever shrunk (Kafka cannot). Growing a
 *       main topic changes which partition a key maps to, so it is logged as a warning: order per key holds
 *       among the records written after the change, while records of a key written before may still wait
 *       on its old partition.</li>
 *   <li>The topics that follow a main topic (retry, dead-letter, parking) get at least the main topic's
 *       partition count, so that a record keeps its partition number from topic to topic.</li>
 *   <li>It returns once the broker serves what it created or grew. Kafka acknowledges a creation when its
 *       controller has recorded it; the broker learns of it a moment later, and a consumer that asks in between
 *       is told {@code UNKNOWN_TOPIC_OR_PARTITION}, which kafka-clients logs as a warning before it retries.</li>
 * </ul>
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** How often {@link #awaitServed} asks again: the broker usually needs a few milliseconds. */
    private static final Duration SERVED_POLL = Duration.ofMillis(20);

    private final Map<String, Object> adminConfig;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;
    private final Function<Map<String, Object>, Admin> admins;

    /**
     * @param partitions the partition count of every topic created, and the least every topic must have
     */
    public TopicProvisioner(Map<String, Object> adminConfig, int partitions, short replicationFactor,
                            Duration timeout) {
        this(adminConfig, partitions, replicationFactor, timeout, Admin::create);
    }

    /** @param admins opens the admin client of one {@link #provision} (tests observe its requests) */
    public TopicProvisioner(Map<String, Object> adminConfig, int partitions, short replicationFactor, Duration timeout,
                     Function<Map<String, Object>, Admin> admins) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition: " + partitions);
        }
        this.adminConfig = Map.copyOf(adminConfig);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
        this.admins = admins;
    }

    /**
     * Ensures every main topic exists with at least the configured partition count, then every follower
     * topic with at least its main topic's.
     *
     * @param followers follower topic names by main topic
     */
    public void provision(Collection<String> mainTopics, Map<String, ? extends Collection<String>> followers) {
        Set<String> mains = new LinkedHashSet<>(mainTopics);
        mains.addAll(followers.keySet());
        try (Admin admin = admins.apply(adminConfig)) {
            Set<String> wanted = new LinkedHashSet<>(mains);
            followers.values().forEach(wanted::addAll);
            Map<String, Integer> existing = existingPartitionCounts(admin, wanted);

            Map<String, Integer> mainTargets = new LinkedHashMap<>();
            mains.forEach(main -> mainTargets.put(main, partitions));
            Set<String> notOurs = new LinkedHashSet<>();
            Map<String, Integer> mainCounts = ensure(admin, mainTargets, existing, true, notOurs);

            Map<String, Integer> followerTargets = new LinkedHashMap<>();
            followers.forEach((main, names) -> names.forEach(name ->
                    followerTargets.merge(name, Math.max(partitions, mainCounts.get(main)), Math::max)));
            Map<String, Integer> followerCounts = ensure(admin, followerTargets, existing, false, notOurs);

            Map<String, Integer> changed = new LinkedHashMap<>(mainCounts);
            changed.putAll(followerCounts);
            changed.entrySet().removeIf(topic -> topic.getValue().equals(existing.get(topic.getKey()))
                    || notOurs.contains(topic.getKey()));
            awaitServed(admin, changed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka topics " + mains + " and their retry and"
                    + " dead-letter topics within " + timeout + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the missing topics of {@code targets} and grows the smaller ones to their target, where this service's
     * Kafka principal may (docs/architecture.md §11: a service creates only the topics it owns); the others are added
     * to {@code notOurs}.
     *
     * @return every topic's partition count afterwards (its target where it is missing and not ours to create)
     */
    private Map<String, Integer> ensure(Admin admin, Map<String, Integer> targets, Map<String, Integer> existing,
                                        boolean mainTopics, Set<String> notOurs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<NewTopic> missing = new ArrayList<>();
        Map<String, NewPartitions> grow = new LinkedHashMap<>();
        targets.forEach((topic, target) -> {
            Integer current = existing.get(topic);
            if (current == null) {
                missing.add(new NewTopic(topic, target, replicationFactor));
                counts.put(topic, target);
            } else {
                counts.put(topic, growIfSmaller(topic, current, target, mainTopics, grow));
            }
        });
        List<String> raced = create(admin, missing, notOurs);
        if (!raced.isEmpty()) {
            // Created meanwhile by another service or instance, perhaps with another count: take what it has.
            existingPartitionCounts(admin, raced).forEach((topic, count) ->
                    counts.put(topic, growIfSmaller(topic, count, targets.get(topic), mainTopics, grow)));
        }
        for (String topic : createPartitions(admin, grow)) {
            counts.put(topic, existing.get(topic)); // not ours to grow: it keeps what it has
            notOurs.add(topic);
        }
        return counts;
    }

    /** @return the count {@code topic} will have: {@code target} if it has fewer (then it is added to {@code grow}) */
    private static int growIfSmaller(String topic, int current, int target, boolean mainTopic,
                                     Map<String, NewPartitions> grow) {
        if (current >= target) {
            return current;
        }
        grow.put(topic, NewPartitions.increaseTo(target));
        if (mainTopic) {
            log.warn("Growing Kafka topic {} from {} to {} partitions (kassa.messaging.topic-partitions): keys now"
                    + " map to other partitions, so order per key holds only among records written from now on;"
                    + " records of a key written before may still wait on its old partition", topic, current, target);
        } else {
            log.info("Growing Kafka topic {} from {} to {} partitions", topic, current, target);
        }
        return target;
    }

    /** @return the topics another client created first; those this principal may not create go to {@code notOurs} */
    private List<String> create(Admin admin, List<NewTopic> topics, Set<String> notOurs)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> raced = new ArrayList<>();
        if (topics.isEmpty()) {
            return raced;
        }
        Map<String, Integer> requested = new HashMap<>();
        topics.forEach(topic -> requested.put(topic.name(), topic.numPartitions()));
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics,
                new CreateTopicsOptions().timeoutMs((int) timeout.toMillis())).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {} with {} partitions", result.getKey(), requested.get(result.getKey()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    // The broker answers so whether the topic is missing or only out of this principal's sight.
                    log.info("Kafka topic {} is not this service's to create (its Kafka principal may not): its owner"
                            + " creates it, and this service's consumers of it, if any, read it once it exists",
                            result.getKey());
                    notOurs.add(result.getKey());
                    continue;
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                raced.add(result.getKey());
            }
        }
        return raced;
    }

    /** @return the topics this principal may not grow */
    private List<String> createPartitions(Admin admin, Map<String, NewPartitions> grow)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> denied = new ArrayList<>();
        if (grow.isEmpty()) {
            return denied;
        }
        Map<String, KafkaFuture<Void>> results = admin.createPartitions(grow,
                new CreatePartitionsOptions().timeoutMs((int) timeout.toMillis())).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    log.warn("Kafka topic {} has fewer partitions than kassa.messaging.topic-partitions and this"
                            + " service may not grow it: its owner or an operator may", result.getKey());
                    denied.add(result.getKey());
                    continue;
                }
                // Another instance grew it first (to at least as many, or Kafka would have accepted ours).
                if (!(e.getCause() instanceof InvalidPartitionsException)) {
                    throw e;
                }
                log.debug("Kafka topic {} was not grown: {}", result.getKey(), e.getCause().getMessage());
            }
        }
        return denied;
    }

    /**
     * Waits until the broker describes every topic with its partition count and a leader for each partition
     * (it answers from the same metadata a consumer's first request reads).
     */
    private void awaitServed(Admin admin, Map<String, Integer> counts)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> pending = new LinkedHashMap<>(counts);
        while (!pending.isEmpty()) {
            Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(pending.keySet(),
                    new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis())).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> description : descriptions.entrySet()) {
                try {
                    List<TopicPartitionInfo> served = description.getValue()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions();
                    if (served.size() >= pending.get(description.getKey())
                            && served.stream().allMatch(partition -> partition.leader() != null)) {
                        pending.remove(description.getKey());
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The broker does not serve " + pending.keySet() + " yet");
                }
                Thread.sleep(SERVED_POLL.toMillis());
            }
        }
    }

    /** The partition counts of those of {@code topics} that exist. */
    private Map<String, Integer> existingPartitionCounts(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> listed = admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> present = topics.stream().filter(listed::contains).distinct().toList();
        Map<String, Integer> counts = new HashMap<>();
        if (present.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present,
                        new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        descriptions.forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }
}
