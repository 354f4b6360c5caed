package dev.kassa.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

/**
 * A concurrent consumer's retry poll: handed to the handler whole, as a main-topic poll is, but only once the
 * back-off of every record in it has ended.
 */
@Tag("fast")
class ConcurrentRetryPollTest {

    private static final String RETRY_TOPIC = "test.concurrent.concurrent-test.retry-0";

    private record Call(long at, List<String> eventIds) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentBatchListener listener = new ConcurrentBatchListener("concurrent-test",
            events -> {
                calls.add(new Call(System.currentTimeMillis(), events.stream().map(InboundEvent::eventId).toList()));
                return List.of();
            },
            () -> {
                throw new AssertionError("nothing failed, nothing is recovered");
            },
            new ConsumerMetrics(new SimpleMeterRegistry()));

    @Test
    void aRetryPollGoesToTheHandlerWholeOnceItsLastBackOffHasEnded() throws Exception {
        long now = System.currentTimeMillis();
        List<ConsumerRecord<String, ReceivedValue>> poll = new ArrayList<>();
        poll.add(retryRecord(0, "e-1", now - 1_000));
        poll.add(retryRecord(1, "e-2", now + 150));
        poll.add(retryRecord(2, "e-3", now + 300));

        assertThat(ConcurrentBatchListener.dueTime(poll)).isEqualTo(now + 300);
        listener.onBatch(poll, null);

        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().eventIds()).containsExactly("e-1", "e-2", "e-3");
        assertThat(calls.getFirst().at()).as("not before the last record's back-off ended").isGreaterThanOrEqualTo(now + 300);
    }

    @Test
    void aPollWithoutBackOffStampsIsHandledAtOnce() throws Exception {
        ConsumerRecord<String, ReceivedValue> record = new ConsumerRecord<>("test.concurrent", 0, 7, "po-1",
                value("e-main"));

        listener.onBatch(List.of(record), null);

        assertThat(calls).singleElement().satisfies(call -> assertThat(call.eventIds()).containsExactly("e-main"));
        assertThat(ConcurrentBatchListener.dueTime(List.of(record))).as("a main-topic record has nothing to wait for")
                .isZero();
    }

    private static ConsumerRecord<String, ReceivedValue> retryRecord(long offset, String eventId, long dueAt) {
        ConsumerRecord<String, ReceivedValue> record = new ConsumerRecord<>(RETRY_TOPIC, 0, offset, "po-" + offset,
                value(eventId));
        record.headers().add(RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP, BigInteger.valueOf(dueAt).toByteArray());
        return record;
    }

    private static ReceivedValue value(String eventId) {
        var event = TestEvents.paymentSucceeded("po-" + eventId, "seller_1", 2999, "USD");
        event.setEventId(eventId);
        return new ReceivedValue(new byte[0], event);
    }
}
