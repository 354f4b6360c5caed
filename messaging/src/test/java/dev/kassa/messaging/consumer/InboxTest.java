package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.INBOX;
import static dev.kassa.messaging.support.TestTopics.INBOX_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.inbox.Inbox;
import dev.kassa.messaging.inbox.InboxCleaner;
import dev.kassa.messaging.support.ScriptedHandlers;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

/** The idempotent consumer: a redelivered event takes effect once; and the outbox's contract as a service sees it. */
class InboxTest extends SpringMessagingTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    Inbox inbox;
    @Autowired
    InboxCleaner inboxCleaner;
    @Autowired
    DataSource dataSource;
    @Autowired
    Tracer tracer;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        PaymentOrderSucceeded event = event("po-dup");
        String eventId = UUID.randomUUID().toString();
        event.setEventId(eventId);
        byte[] bytes = encode(INBOX, event);
        double duplicatesBefore = duplicates();

        sendRaw(INBOX, "po-dup", bytes);
        sendRaw(INBOX, "po-dup", bytes);

        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 1);
        assertThat(handlers.effects(INBOX_GROUP, eventId)).isEqualTo(1);
        assertThat(handlers.attempts(INBOX_GROUP, eventId)).hasSize(1);
    }

    @Test
    void anOutboxEventArrivesWithItsEventIdAndTraceContextAndItsIdsInTheLogContext() {
        Span request = tracer.nextSpan().name("request").start();
        String eventId;
        try (Tracer.SpanInScope inRequest = tracer.withSpan(request)) {
            eventId = publish(INBOX, "po-mdc", event("po-mdc"));
        } finally {
            request.end();
        }
        String traceparent = "00-" + request.context().traceId() + "-" + request.context().spanId() + "-";

        await().atMost(WAIT).until(() -> handlers.effects(INBOX_GROUP, eventId) == 1);
        ScriptedHandlers.Attempt attempt = handlers.attempts(INBOX_GROUP, eventId).getFirst();
        assertThat(attempt.mdcPaymentOrderId()).isEqualTo("po-mdc");
        assertThat(attempt.mdcEventId()).isEqualTo(eventId);
        assertThat(attempt.mdcEventType()).isEqualTo("PaymentOrderSucceeded");
        assertThat(readAll(INBOX)).anySatisfy(record -> {
            assertThat(TopicReader.header(record, KassaHeaders.EVENT_ID)).isEqualTo(eventId);
            assertThat(record.key()).isEqualTo("po-mdc");
            assertThat(TopicReader.header(record, "traceparent")).startsWith(traceparent);
        });
        assertThat(attempt.mdcTraceId()).as("the handler's log context").isEqualTo(request.context().traceId());
    }

    @Test
    void markingManyEventsReturnsOnlyTheOnesNotSeenBefore() {
        String seen = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> inbox.markProcessed("inbox-many", seen));

        Set<String> recorded = transactions.execute(status ->
                inbox.markProcessed("inbox-many", List.of(seen, fresh, fresh)));

        assertThat(recorded).containsExactly(fresh);
        Set<String> again = transactions.execute(status -> inbox.markProcessed("inbox-many", List.of(seen, fresh)));
        assertThat(again).isEmpty();
    }

    @Test
    void eventsPublishedInOneTransactionAreStoredAtCommitInPublishOrder() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> published = transactions.execute(status -> {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(outbox.publish(INBOX, "po-order", event("po-order")));
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE id = ?::uuid", Integer.class,
                    ids.getFirst())).as("written just before commit").isZero();
            return ids;
        });

        assertThat(jdbc.queryForList("SELECT id::text FROM outbox_message WHERE id = ANY(?::uuid[]) ORDER BY seq",
                String.class, (Object) published.toArray(String[]::new))).containsExactlyElementsOf(published);
    }

    @Test
    void rowsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String expired = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO processed_message (consumer, event_id, processed_at) VALUES (?, ?, now() - interval '15 days')",
                "inbox-retention", expired);
        jdbc.update("INSERT INTO processed_message (consumer, event_id, processed_at) VALUES (?, ?, now() - interval '13 days')",
                "inbox-retention", recent);

        assertThat(inboxCleaner.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("SELECT event_id FROM processed_message WHERE consumer = 'inbox-retention'",
                String.class)).containsExactly(recent);
    }

    @Test
    void publishingOutsideATransactionFails() {
        assertThatThrownBy(() -> outbox.publish(INBOX, "po-none", event("po-none")))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String[] eventId = new String[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            eventId[0] = outbox.publish(INBOX, "po-rollback", event("po-rollback"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        String committed = publish(INBOX, "po-rollback", event("po-rollback"));
        await().atMost(WAIT).until(() -> handlers.effects(INBOX_GROUP, committed) == 1);
        assertThat(handlers.attempts(INBOX_GROUP, eventId[0])).isEmpty();
    }

    private double duplicates() {
        var counter = meters.find(ConsumerMetrics.DUPLICATES).tag("consumer", INBOX_GROUP).counter();
        return counter == null ? 0 : counter.count();
    }
}
