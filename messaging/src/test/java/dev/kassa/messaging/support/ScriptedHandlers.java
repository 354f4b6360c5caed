package dev.kassa.messaging.support;

import dev.kassa.messaging.consumer.BatchEventHandler;
import dev.kassa.messaging.consumer.ConcurrentBatchHandler;
import dev.kassa.messaging.consumer.EventHandler;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handlers whose behaviour a test scripts per (consumer, event id): succeed (default), fail transiently a
 * number of times, fail always, or reject the event as invalid. Each call writes its effect first, so a
 * failure proves that the effect rolled back with the inbox row.
 */
public class ScriptedHandlers {

    /** One call of a handler, with the MDC it saw (the trace id is the tracer's, as log lines print it). */
    public record Attempt(String consumer, String eventId, String topic, String mdcPaymentOrderId, String mdcEventId,
                          String mdcEventType, String mdcTraceId) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> alwaysFail = new ConcurrentHashMap<>();
    private final Map<String, Boolean> invalid = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> batchSizes = new ConcurrentHashMap<>();

    public ScriptedHandlers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public EventHandler forConsumer(String consumer) {
        return event -> {
            attempts.add(new Attempt(consumer, event.eventId(), event.topic(), MDC.get("payment_order_id"),
                    MDC.get("event_id"), MDC.get("event_type"), MDC.get("traceId")));
            jdbc.update("INSERT INTO handled_event (consumer, event_id, payment_order_id) VALUES (?, ?, ?)",
                    consumer, event.eventId(), event.key());
            String key = key(consumer, event.eventId());
            if (invalid.containsKey(key)) {
                throw new InvalidEventException("scripted: event " + event.eventId() + " is invalid");
            }
            if (alwaysFail.containsKey(key)) {
                throw new IllegalStateException("scripted: permanent failure of " + event.eventId());
            }
            AtomicInteger failures = transientFailures.get(key);
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("scripted: transient failure of " + event.eventId());
            }
        };
    }

    /**
     * A batch handler with the same per-event behaviour (so a scripted failure fails the whole batch); it
     * records the size of every batch it was given.
     */
    public BatchEventHandler forBatches(String consumer) {
        EventHandler each = forConsumer(consumer);
        return events -> {
            batchSizes.computeIfAbsent(consumer, c -> new CopyOnWriteArrayList<>()).add(events.size());
            events.forEach(each::handle);
        };
    }

    /**
     * A concurrent consumer's handler with the same per-event behaviour: each event's effect commits on its own
     * (there is no library transaction), and a failing event is reported, not thrown.
     */
    public ConcurrentBatchHandler forConcurrentPolls(String consumer) {
        EventHandler each = forConsumer(consumer);
        return events -> {
            batchSizes.computeIfAbsent(consumer, c -> new CopyOnWriteArrayList<>()).add(events.size());
            List<ConcurrentBatchHandler.FailedEvent> failures = new ArrayList<>();
            for (InboundEvent event : events) {
                try {
                    each.handle(event);
                } catch (RuntimeException e) {
                    failures.add(new ConcurrentBatchHandler.FailedEvent(event, e));
                }
            }
            return failures;
        };
    }

    /** Records the size of a batch a handler of {@code consumer} was given. */
    public void recordBatch(String consumer, int size) {
        batchSizes.computeIfAbsent(consumer, c -> new CopyOnWriteArrayList<>()).add(size);
    }

    public List<Integer> batchSizes(String consumer) {
        return batchSizes.getOrDefault(consumer, List.of());
    }

    public void failTransiently(String consumer, String eventId, int times) {
        transientFailures.put(key(consumer, eventId), new AtomicInteger(times));
    }

    public void failAlways(String consumer, String eventId) {
        alwaysFail.put(key(consumer, eventId), true);
    }

    public void rejectAsInvalid(String consumer, String eventId) {
        invalid.put(key(consumer, eventId), true);
    }

    /** Back to the default behaviour: succeed. */
    public void heal(String consumer, String eventId) {
        String key = key(consumer, eventId);
        transientFailures.remove(key);
        alwaysFail.remove(key);
        invalid.remove(key);
    }

    public List<Attempt> attempts(String consumer, String eventId) {
        return attempts.stream().filter(a -> a.consumer().equals(consumer) && a.eventId().equals(eventId)).toList();
    }

    public List<Attempt> attemptsOf(String consumer) {
        return attempts.stream().filter(a -> a.consumer().equals(consumer)).toList();
    }

    /** Committed effects: rows of handled_event. */
    public int effects(String consumer, String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM handled_event WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
