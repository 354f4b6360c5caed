package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A refund whose payment did not arrive in time ends in the dead-letter topic; once the payment is
 * posted, an operator replays it through the messaging library's admin API and it posts exactly once,
 * however often it is replayed.
 */
class DeadLetterReplayTest extends LedgerIntegrationTest {

    private static final String DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE);

    /** The broker as its super user: these tests play the services that publish what the ledger consumes. */
    final Map<String, Object> superUser = LocalStack.shared().kafka().superUserClientProperties();

    @Test
    void aDeadLetteredRefundReplayedAfterItsPaymentPostsOnce() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        RefundSucceeded refund = TestEvents.refundSucceeded(order, "rf_late", seller, 250, "USD");

        try (EventProducer producer = new EventProducer(superUser)) {
            producer.send(order, refund);
            Map<String, Object> deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetter(refund.getEventId()), java.util.Objects::nonNull);
            assertThat(deadLetter).containsEntry("key", order).containsEntry("original_topic", Topics.PAYMENT_RESULTS);
            assertThat((String) deadLetter.get("exception_message")).contains("arrived before the payment was posted");
            assertThat(entries(order)).isZero();

            producer.send(order, TestEvents.paymentSucceeded(order, seller, 1_000, "USD"));
            await().atMost(Duration.ofSeconds(30)).until(() -> entries(order), n -> n == 1);

            assertThat(replay(refund.getEventId())).containsEntry("replayed", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> entries(order), n -> n == 2);

            // Again: the record comes back to payment.results, the inbox recognises it, nothing is posted.
            assertThat(replay(refund.getEventId())).containsEntry("replayed", 1);
            PaymentOrderFailed marker = TestEvents.paymentFailed(order, seller, 1, "USD");
            producer.send(order, marker); // same key, same partition: consumed after the replayed record
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker.getEventId()));
        }
        assertThat(entries(order)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT credits_minor - debits_minor FROM account_balance WHERE account_id = ? AND currency = 'USD'""",
                Long.class, "seller_payable:" + seller)).isEqualTo(750);
    }

    @Test
    void theAdminEndpointsAnswerWithTheServicesProblemDetails() {
        ResponseEntity<Map<String, Object>> response = http(TestKeys.OPERATOR).post().uri("/admin/dead-letters/replay")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("topic", "no.such.dlt"))
                .retrieve().toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("type", "https://kassa.dev/problems/invalid-request");
        assertThat(((Map<String, Object>) ((List<Object>) response.getBody().get("errors")).getFirst()).get("field"))
                .isEqualTo("topic");
    }

    private Map<String, Object> deadLetter(String eventId) {
        List<Map<String, Object>> letters = http().get()
                .uri("/admin/dead-letters?topic={topic}&limit=500", DLT)
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<>() {
                });
        return letters.stream().filter(l -> eventId.equals(l.get("event_id"))).findFirst().orElse(null);
    }

    private Map<String, Object> replay(String eventId) {
        ResponseEntity<Map<String, Object>> response = http(TestKeys.OPERATOR).post().uri("/admin/dead-letters/replay")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("topic", DLT, "event_ids", List.of(eventId)))
                .retrieve().toEntity(JSON);
        assertThat(response.getStatusCode().value()).as("replay answer %s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private long entries(String paymentOrderId) {
        return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE payment_order_id = ?", Long.class,
                paymentOrderId);
    }

    private boolean processed(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE consumer = ? AND event_id = ?",
                Long.class, ConsumerGroups.LEDGER_SERVICE, eventId) == 1;
    }
}
