package dev.kassa.messaging.config;

import dev.kassa.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.messaging.*}: every setting of the messaging library, each overridable from the
 * environment by Spring's relaxed binding: upper case, dots become underscores, dashes are dropped or
 * become underscores (e.g. {@code KASSA_MESSAGING_TOPIC_PARTITIONS=24}, {@code KASSA_MESSAGING_OUTBOX_BATCHSIZE=1000}).
 *
 * @param topicPartitions    partitions of every main, retry, dead-letter and parking topic this service creates
 *                           (default 12, room for twelve consumer threads per group across the instances of a
 *                           service). At startup a topic with fewer is grown to this count, never shrunk; a
 *                           main topic that already has more gives its own count to its retry and dead-letter
 *                           topics, so that a record keeps its partition number from topic to topic.
 * @param replicationFactor  replication factor of the topics this service creates
 * @param mainTopics         main topics created at startup if missing (default: every topic of the platform,
 *                           so the relay never waits for a topic); consumed topics are always added
 * @param topicProvisioningTimeout how long startup may wait for Kafka to create the topics
 * @param health             the {@code kafka} health component
 * @param outbox             the outbox relay
 * @param inbox              how long the inbox remembers handled events
 * @param consumer           defaults of every declared consumer
 * @param consumers          per consumer group overrides, keyed by group id
 * @param deadLetter         the operator endpoints under {@code /admin/dead-letters}
 */
@ConfigurationProperties("kassa.messaging")
public record MessagingProperties(
        @DefaultValue("12") int topicPartitions,
        @DefaultValue("1") short replicationFactor,
        List<String> mainTopics,
        @DefaultValue("30s") Duration topicProvisioningTimeout,
        @DefaultValue Health health,
        @DefaultValue Outbox outbox,
        @DefaultValue Inbox inbox,
        @DefaultValue Consumer consumer,
        Map<String, ConsumerOverride> consumers,
        @DefaultValue DeadLetter deadLetter) {

    public MessagingProperties {
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("kassa.messaging.topic-partitions must be at least 1: " + topicPartitions);
        }
        consumers = consumers == null ? Map.of() : Map.copyOf(consumers);
        mainTopics = mainTopics == null
                ? Topics.all().stream().map(Topics.TopicSpec::name).toList()
                : List.copyOf(mainTopics);
    }

    /** The backoff of one consumer group: its own override, else the global default. */
    public List<Duration> backoffOf(String group) {
        ConsumerOverride override = consumers.get(group);
        return override != null && override.backoff() != null && !override.backoff().isEmpty()
                ? override.backoff()
                : consumer.backoff();
    }

    /** @param timeout how long {@code describeCluster} may take before Kafka counts as DOWN */
    public record Health(@DefaultValue("3s") Duration timeout) {
    }

    /**
     * How the relay finds rows to send. A commit in this instance wakes its relay at once (an in-process
     * signal, no database round trip); polling covers rows committed by another instance of the service while
     * this one's relay is the active publisher, and is the relay's only database traffic when the system is idle.
     *
     * @param relayEnabled      whether this instance runs a relay (only one per database publishes at a time anyway)
     * @param batchSize         rows taken, sent and marked per batch
     * @param pollInterval      the longest the active relay waits between polls: it polls every
     *                          {@code busyPollInterval} while it finds rows, then doubles the wait after each empty
     *                          poll up to this (so an idle relay costs one short query every two seconds). It
     *                          bounds how late a row committed by another instance is sent after a quiet spell.
     * @param busyPollInterval  the wait between polls right after rows were sent (a row committed by another
     *                          instance is sent within about this while traffic flows); capped by {@code pollInterval}
     * @param standbyInterval   how often a relay that does not hold the advisory lock tries to take it: how long
     *                          the rows wait after the active relay's instance stops or dies (a stopping relay
     *                          releases the lock at once; a dead one's session is ended by PostgreSQL)
     * @param linger            how long the relay waits before its next batch when the previous one was not full
     *                          and more rows committed while it was being sent, so that the next batch takes more
     *                          of them; zero for none. Trades a little latency for fewer relay transactions under
     *                          load; it never applies to the first row after a quiet spell.
     * @param sendTimeout       how long a batch waits for all acknowledgements before it counts as failed
     * @param failureBackoff    first pause after a failed batch; doubles up to {@code maxFailureBackoff}
     * @param maxFailureBackoff longest pause between failed batches
     * @param lockKey           the {@code pg_try_advisory_lock} key that elects the one active relay
     * @param sentRetention     how long sent rows stay for inspection before deletion; 0 deletes them as they are
     *                          sent (the topic keeps what was sent)
     * @param cleanupBatchSize  sent rows deleted per statement, so deletion never holds long locks
     * @param cleanupInterval   how often sent rows are deleted
     * @param shutdownTimeout   how long shutdown waits for the batch in hand
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("200ms") Duration busyPollInterval,
            @DefaultValue("5s") Duration standbyInterval,
            @DefaultValue("0ms") Duration linger,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("500ms") Duration failureBackoff,
            @DefaultValue("30s") Duration maxFailureBackoff,
            @DefaultValue("4849718838464372052") long lockKey,
            @DefaultValue("1h") Duration sentRetention,
            @DefaultValue("1000") int cleanupBatchSize,
            @DefaultValue("30s") Duration cleanupInterval,
            @DefaultValue("30s") Duration shutdownTimeout) {

        public Outbox {
            requirePositive(pollInterval, "poll-interval");
            requirePositive(busyPollInterval, "busy-poll-interval");
            requirePositive(standbyInterval, "standby-interval");
            if (linger.isNegative()) {
                throw new IllegalArgumentException("kassa.messaging.outbox.linger cannot be negative: " + linger);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("kassa.messaging.outbox.batch-size must be at least 1: " + batchSize);
            }
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("kassa.messaging.outbox." + name + " must be positive: " + duration);
            }
        }
    }

    /**
     * @param retention        how long a handled event's {@code processed_message} row is kept. Longer than the
     *                         topics keep records (Kafka's default is 7 days), so that a redelivery always meets
     *                         it; the business keys behind the inbox still refuse anything older.
     * @param cleanupBatchSize rows deleted per statement, so deletion never holds long locks
     * @param cleanupInterval  how often expired rows are deleted
     */
    public record Inbox(
            @DefaultValue("14d") Duration retention,
            @DefaultValue("1000") int cleanupBatchSize,
            @DefaultValue("10m") Duration cleanupInterval) {
    }

    /**
     * @param backoff     delay before each retry (default 5s six times): one retry topic per entry, except that a
     *                    trailing run of equal delays shares one (so the default takes one topic)
     * @param concurrency consumer threads of the main-topic listener of every declared consumer that does not set
     *                    its own ({@code EventConsumer.withConcurrency}); each retry topic has one consumer. Threads
     *                    beyond the topic's partitions ({@code topic-partitions}, across all instances) stay idle.
     */
    public record Consumer(
            @DefaultValue({"5s", "5s", "5s", "5s", "5s", "5s"}) List<Duration> backoff,
            @DefaultValue("1") int concurrency) {
    }

    /** @param backoff this group's retry delays, replacing {@code kassa.messaging.consumer.backoff} */
    public record ConsumerOverride(List<Duration> backoff) {
    }

    /**
     * @param maxReplays   replays a record may have; the next one parks it in {@code <dlt>.parking}
     * @param maxListLimit largest page {@code GET /admin/dead-letters} returns
     * @param readTimeout  how long reading a dead-letter topic may take per request
     * @param maxReplayRecords most records one replay request may select (narrow larger selections)
     */
    public record DeadLetter(
            @DefaultValue("3") int maxReplays,
            @DefaultValue("500") int maxListLimit,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("10000") int maxReplayRecords) {
    }
}
