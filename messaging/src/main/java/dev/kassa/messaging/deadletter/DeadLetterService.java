package dev.kassa.messaging.deadletter;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.consumer.ConsumerTopics;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Lists and replays the dead letters of this service's consumer groups (docs/architecture.md §4). A replay sends the
 * record to its group's first retry topic ({@link ConsumerTopics#replayTopic}) with the same key and value bytes, its business headers kept and
 * spring-kafka's retry and exception headers stripped, and {@code kassa-replay-count} raised by one. A
 * record already replayed {@code max-replays} times goes to {@code <dlt>.parking} instead, so that it
 * cannot loop. Every replay is audited. Consumers are idempotent, so repeating a replay is harmless.
 */
public class DeadLetterService {

    public static final String REPLAYED = "kassa.dead.letters.replayed";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    /** Headers spring-kafka adds for retries and dead letters; a replay starts the record's life afresh. */
    private static final List<String> FRAMEWORK_HEADER_PREFIXES = List.of("kafka_", "retry_topic-",
            "springDeserializerException", KassaHeaders.EXCEPTION_ROOT_CAUSE, KassaHeaders.EXCEPTION_ROOT_MESSAGE);

    private final Supplier<List<String>> deadLetterTopics;
    private final DeadLetterReader reader;
    private final KafkaOperations<String, Object> kafka;
    private final ReplayAudit audit;
    private final int maxReplays;
    private final int maxListLimit;
    private final int maxReplayRecords;
    private final Duration sendTimeout;
    private final MeterRegistry registry;
    private final KassaAvroDeserializer avro = new KassaAvroDeserializer();

    DeadLetterService(Supplier<List<String>> deadLetterTopics, DeadLetterReader reader,
                      KafkaOperations<String, Object> kafka, ReplayAudit audit, int maxReplays, int maxListLimit,
                      int maxReplayRecords, Duration sendTimeout, MeterRegistry registry) {
        this.deadLetterTopics = deadLetterTopics;
        this.reader = reader;
        this.kafka = kafka;
        this.audit = audit;
        this.maxReplays = maxReplays;
        this.maxListLimit = maxListLimit;
        this.maxReplayRecords = maxReplayRecords;
        this.sendTimeout = sendTimeout;
        this.registry = registry;
    }

    /** This service's dead-letter topics and their parking topics. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (String dlt : deadLetterTopics.get()) {
            topics.add(dlt);
            topics.add(ConsumerTopics.parkingTopic(dlt));
        }
        return topics;
    }

    public List<DeadLetterView> list(String topic, Integer partition, Long fromOffset, int limit) {
        if (!topics().contains(topic)) {
            throw unknownTopic(topic, topics());
        }
        if (limit < 1 || limit > maxListLimit) {
            throw KassaProblem.invalid("limit", "must be between 1 and " + maxListLimit);
        }
        checkRange(topic, partition, fromOffset, null);
        return reader.read(new DeadLetterReader.Range(topic, partition, fromOffset, null), limit).stream()
                .map(this::view)
                .toList();
    }

    /** The newest {@code limit} replays of the {@code dead_letter_replay} audit, newest first. */
    public List<ReplayAuditView> replays(int limit) {
        return audit.newest(limit);
    }

    public ReplayResult replay(ReplayRequest request) {
        List<String> deadLetterTopics = this.deadLetterTopics.get();
        if (request.topic() == null || !deadLetterTopics.contains(request.topic())) {
            throw unknownTopic(request.topic(), deadLetterTopics);
        }
        checkRange(request.topic(), request.partition(), request.fromOffset(), request.toOffset());
        List<DeadLetter> selected = select(request);
        List<ReplayResult.Item> plan = plan(request.topic(), selected);
        if (request.isDryRun()) {
            return result(null, request, selected, plan);
        }
        if (selected.isEmpty()) {
            ReplayResult result = result(null, request, selected, plan);
            return withAudit(result, audit.record(request, result, "NOTHING_SELECTED", null));
        }
        try {
            send(selected, plan);
        } catch (RuntimeException e) {
            ReplayResult result = result(null, request, selected, plan);
            long auditId = audit.record(request, result, "FAILED", e.getMessage());
            throw new ReplayFailedException("Replay " + auditId + " of " + request.topic() + " failed: "
                    + e.getMessage() + "; records already sent are handled idempotently, retry the same request", e);
        }
        ReplayResult result = result(null, request, selected, plan);
        long auditId = audit.record(request, result, "REPLAYED", null);
        log.info("Replay {} of {}: {} replayed, {} parked, {} skipped", auditId, request.topic(), result.replayed(),
                result.parked(), result.skipped());
        return withAudit(result, auditId);
    }

    private List<DeadLetter> select(ReplayRequest request) {
        Set<String> wanted = request.eventIds() == null || request.eventIds().isEmpty()
                ? null : new HashSet<>(request.eventIds());
        List<DeadLetter> letters = reader.read(new DeadLetterReader.Range(request.topic(), request.partition(),
                        request.fromOffset(), request.toOffset()),
                letter -> wanted == null || wanted.contains(EventIdentity.of(letter, avro).eventId()),
                maxReplayRecords + 1);
        if (letters.size() > maxReplayRecords) {
            throw KassaProblem.invalid("topic", "selects more than " + maxReplayRecords
                    + " records; narrow it with partition, from_offset, to_offset or event_ids");
        }
        return letters;
    }

    /**
     * One item per selected record. A record that was replayed and dead-lettered again has several copies
     * in the topic; only the newest one (which carries the current replay count) is acted on.
     */
    private List<ReplayResult.Item> plan(String topic, List<DeadLetter> letters) {
        Map<String, Long> newestOffset = new HashMap<>();
        for (DeadLetter letter : letters) {
            String eventId = EventIdentity.of(letter, avro).eventId();
            if (eventId != null) {
                newestOffset.merge(eventId, letter.offset(), Math::max);
            }
        }
        List<ReplayResult.Item> items = new ArrayList<>();
        for (DeadLetter letter : letters) {
            String eventId = EventIdentity.of(letter, avro).eventId();
            int count = letter.replayCount();
            ReplayResult.Action action;
            String destination = null;
            String reason = null;
            if (eventId != null && newestOffset.get(eventId) != letter.offset()) {
                action = ReplayResult.Action.SKIP;
                reason = "a newer copy of this event is at offset " + newestOffset.get(eventId);
            } else if (letter.originalTopic() == null) {
                action = ReplayResult.Action.SKIP;
                reason = "no original topic header";
            } else if (count >= maxReplays) {
                action = ReplayResult.Action.PARK;
                destination = ConsumerTopics.parkingTopic(topic);
                reason = "replayed " + count + " times already (limit " + maxReplays + ")";
            } else {
                action = ReplayResult.Action.REPLAY;
                destination = ConsumerTopics.replayTopic(topic);
            }
            items.add(new ReplayResult.Item(letter.partition(), letter.offset(), letter.key(), eventId, action,
                    destination, count, reason));
        }
        return items;
    }

    private void send(List<DeadLetter> letters, List<ReplayResult.Item> plan) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter letter = letters.get(i);
            ReplayResult.Item item = plan.get(i);
            switch (item.action()) {
                case REPLAY -> acks.add(kafka.send(replayRecord(letter, item.destination())));
                case PARK -> acks.add(kafka.send(new ProducerRecord<>(item.destination(), null, letter.key(),
                        letter.value(), letter.headers())));
                case SKIP -> { }
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Not every replayed record was acknowledged: " + e, e);
        }
        for (ReplayResult.Item item : plan) {
            if (item.action() != ReplayResult.Action.SKIP) {
                Counter.builder(REPLAYED).description("Dead letters replayed (outcome=replayed) or parked")
                        .tag("outcome", item.action() == ReplayResult.Action.REPLAY ? "replayed" : "parked")
                        .register(registry).increment();
            }
        }
    }

    private static ProducerRecord<String, Object> replayRecord(DeadLetter letter, String destination) {
        List<Header> headers = new ArrayList<>();
        for (Header header : letter.headers()) {
            boolean framework = FRAMEWORK_HEADER_PREFIXES.stream().anyMatch(p -> header.key().startsWith(p));
            if (!framework && !header.key().equals(KassaHeaders.REPLAY_COUNT)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(KassaHeaders.REPLAY_COUNT,
                String.valueOf(letter.replayCount() + 1).getBytes(StandardCharsets.UTF_8)));
        // No partition: the key picks it, as it did when the record was first published.
        return new ProducerRecord<>(destination, null, letter.key(), letter.value(), headers);
    }

    private DeadLetterView view(DeadLetter letter) {
        SpecificRecord record = EventIdentity.decode(letter, avro);
        EventIdentity identity = EventIdentity.of(letter, record);
        return new DeadLetterView(letter.topic(), letter.partition(), letter.offset(), letter.timestamp(), letter.key(),
                identity.eventId(), identity.recordType(), letter.exceptionClass(), letter.exceptionMessage(),
                letter.originalTopic(), letter.originalPartition(), letter.originalOffset(), letter.replayCount(),
                DeadLetterPayload.json(record));
    }

    private void checkRange(String topic, Integer partition, Long fromOffset, Long toOffset) {
        if (partition != null) {
            int partitions = reader.partitions(topic);
            if (partition < 0 || partition >= partitions) {
                throw KassaProblem.invalid("partition",
                        "must be between 0 and " + (partitions - 1) + " for " + topic);
            }
        }
        if (fromOffset != null && toOffset != null && toOffset < fromOffset) {
            throw KassaProblem.invalid("to_offset", "must not be below from_offset");
        }
    }

    private static KassaProblem unknownTopic(String topic, List<String> known) {
        return KassaProblem.invalid("topic", (topic == null ? "is required" : "'" + topic
                + "' is not a dead-letter topic of this service") + "; known: " + known);
    }

    private static ReplayResult result(Long auditId, ReplayRequest request, List<DeadLetter> selected,
                                       List<ReplayResult.Item> plan) {
        return new ReplayResult(auditId, request.topic(), request.isDryRun(), selected.size(),
                count(plan, ReplayResult.Action.REPLAY), count(plan, ReplayResult.Action.PARK),
                count(plan, ReplayResult.Action.SKIP), plan);
    }

    private static ReplayResult withAudit(ReplayResult r, long auditId) {
        return new ReplayResult(auditId, r.topic(), r.dryRun(), r.selected(), r.replayed(), r.parked(), r.skipped(),
                r.records());
    }

    private static int count(List<ReplayResult.Item> plan, ReplayResult.Action action) {
        return (int) plan.stream().filter(i -> i.action() == action).count();
    }

    /** Kafka did not take every replayed record; the audit row says so. A 503: the same request may be sent again. */
    static class ReplayFailedException extends KassaProblem {
        ReplayFailedException(String message, Throwable cause) {
            super(ProblemType.TEMPORARILY_UNAVAILABLE, message, List.of(), cause);
        }
    }
}
