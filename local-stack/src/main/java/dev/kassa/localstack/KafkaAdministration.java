package dev.kassa.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The broker's administration through the Admin API, as the super user: explicit topic creation (the broker never
 * auto-creates topics), SCRAM users and ACLs.
 */
final class KafkaAdministration implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** Kafka's minimum for SCRAM-SHA-512 and its tools' default. */
    private static final int SCRAM_ITERATIONS = 4096;

    private final Map<String, Object> clientProperties;
    private Admin admin;

    /** @param clientProperties how to reach the broker as its super user */
    KafkaAdministration(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /** Creates or updates each principal's SCRAM-SHA-512 credential (a new password replaces the old one). */
    synchronized void upsertUsers(Collection<KafkaCredentials> users, Duration timeout) {
        if (users.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<UserScramCredentialAlteration> upserts = users.stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.username(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.password()))
                .toList();
        await(admin().alterUserScramCredentials(upserts).all(), deadline);
    }

    /** Whether the broker answers a metadata request as the super user within {@code timeout}. */
    synchronized boolean answers(Duration timeout) {
        try {
            admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Adds the ACLs (adding one that exists changes nothing). */
    synchronized void createAcls(Collection<AclBinding> acls, Duration timeout) {
        if (!acls.isEmpty()) {
            await(admin().createAcls(acls).all(), System.nanoTime() + timeout.toNanos());
        }
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
            Map<String, Object> config = new HashMap<>(clientProperties);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-admin");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
            admin = Admin.create(config);
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
