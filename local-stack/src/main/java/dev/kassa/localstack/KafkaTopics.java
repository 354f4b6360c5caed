package dev.kassa.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Explicit topic creation through the Admin API (the broker never auto-creates topics). */
final class KafkaTopics implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final String bootstrapServers;
    private Admin admin;

    KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    synchronized void createMissing(Map<String, Integer> partitionsByTopic, Duration timeout) {
        partitionsByTopic.forEach((topic, partitions) -> {
            if (topic == null || topic.isBlank() || partitions == null || partitions < 1) {
                throw new IllegalArgumentException("Bad topic declaration: " + topic + " -> " + partitions);
            }
        });
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = admin();
        Set<String> existing = await(admin.listTopics().names(), deadline);
        List<NewTopic> missing = new ArrayList<>();
        partitionsByTopic.forEach((topic, partitions) -> {
            if (!existing.contains(topic)) {
                // Replication factor: the broker default (1 on this single node).
                missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
            }
        });
        if (!missing.isEmpty()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            results.values().forEach(result -> awaitIgnoringExisting(result, deadline));
        }
        awaitLeaders(admin, partitionsByTopic.keySet(), deadline);
    }

    /** Creation is acknowledged by the controller first; producers need every partition to have a leader. */
    private static void awaitLeaders(Admin admin, Set<String> topics, long deadline) {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames(), deadline);
                boolean ready = descriptions.values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (ready) {
                    return;
                }
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " have no partition leaders yet");
            }
            pause();
        }
    }

    private static void awaitIgnoringExisting(KafkaFuture<Void> result, long deadline) {
        try {
            await(result, deadline);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // created concurrently by someone else: fine
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future, long deadline) {
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin request timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-admin",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
