package dev.kassa.messaging.deadletter;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a dead-letter topic without a consumer group (assign and seek, nothing committed), up to the end
 * offsets seen when the read started, so that a read always ends.
 */
class DeadLetterReader {

    /** Which records: {@code null} fields mean "all partitions", "from the beginning", "to the end". */
    record Range(String topic, Integer partition, Long fromOffset, Long toOffset) {
    }

    private final Map<String, Object> consumerConfig;
    private final Duration timeout;

    DeadLetterReader(Map<String, Object> baseConsumerConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(baseConsumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kassa-dead-letter-reader");
        // It reads up to known end offsets, one partition after the other, and a partition is fetched only
        // once the fetch in flight for the one before returns: that fetch must not wait long at the end.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.consumerConfig = Map.copyOf(config);
        this.timeout = timeout;
    }

    /** The partition count of {@code topic}, or 0 when it does not exist. */
    int partitions(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            return infos == null ? 0 : infos.size();
        }
    }

    /** Records of {@code range} in partition, then offset order; at most {@code limit}. */
    List<DeadLetter> read(Range range, int limit) {
        return read(range, letter -> true, limit);
    }

    /** Records of {@code range} that {@code filter} accepts, in partition, then offset order; at most {@code limit}. */
    List<DeadLetter> read(Range range, Predicate<DeadLetter> filter, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(range.topic(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .filter(tp -> range.partition() == null || tp.partition() == range.partition())
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                long start = Math.max(beginnings.get(tp), range.fromOffset() == null ? 0 : range.fromOffset());
                long stop = Math.min(ends.get(tp), range.toOffset() == null ? Long.MAX_VALUE : range.toOffset() + 1);
                readPartition(consumer, tp, start, stop, filter, limit, deadline, letters);
                if (letters.size() >= limit) {
                    break;
                }
            }
        }
        return letters;
    }

    private void readPartition(KafkaConsumer<String, byte[]> consumer, TopicPartition tp, long start, long stop,
                               Predicate<DeadLetter> filter, int limit, long deadline, List<DeadLetter> letters) {
        if (start >= stop) {
            return;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, start);
        long position = start;
        while (position < stop && letters.size() < limit) {
            if (System.nanoTime() > deadline) {
                throw new DeadLetterReadTimeoutException("Reading " + tp + " took longer than " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                position = record.offset() + 1;
                if (record.offset() >= stop || letters.size() >= limit) {
                    break;
                }
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                        List.of(record.headers().toArray()));
                if (filter.test(letter)) {
                    letters.add(letter);
                }
            }
            // Compacted or transaction-marker gaps: the consumer's position tells how far the partition was read.
            position = Math.max(position, consumer.position(tp, timeout));
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The broker did not answer in time; the operator may simply retry (a 503). */
    static class DeadLetterReadTimeoutException extends KassaProblem {
        DeadLetterReadTimeoutException(String message) {
            super(ProblemType.TEMPORARILY_UNAVAILABLE, message);
        }
    }
}
