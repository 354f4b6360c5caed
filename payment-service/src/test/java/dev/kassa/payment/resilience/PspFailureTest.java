package dev.kassa.payment.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.janitor.Janitor;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspUnavailableException;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The PSP failing: 5xx through the retry topics into the dead-letter topic, then the janitor; a lost
 * webhook repaired by the janitor; the circuit breaker failing fast while the PSP is down.
 */
class PspFailureTest extends PaymentServiceTestBase {

    @Autowired
    Janitor janitor;

    @Autowired
    PspClient pspClient;

    @Test
    void aPspThatKeepsFailingSendsTheRequestThroughRetriesToTheDltAndTheJanitorChargesOnce() {
        psp().faults("server_error_rate", 1.0);
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "19.00", "USD", "tok_visa"));

        String dlt = Topics.deadLetterTopic(Topics.PAYMENT_PSP_REQUESTS, ConsumerGroups.PAYMENT_SERVICE);
        eventually().until(() -> deadLetterKeys(dlt).contains(orderId));
        assertThat(orderStatus(orderId)).as("charged or not, the order waits where the janitor looks")
                .isEqualTo("EXECUTING");
        psp().resetFaults();
        assertThat(psp().settlementRows(orderId)).as("the PSP never got to charge").isEmpty();

        janitor.runOnce();

        assertThat(orderStatus(orderId)).isEqualTo("SUCCEEDED");
        assertThat(psp().settlementRows(orderId)).as("one charge").hasSize(1);
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(operator.get("/actuator/prometheus").body())
                .contains("kassa_payment_janitor_repairs_total{how=\"resend_create\",kind=\"payment_order\"}");
    }

    @Test
    void theJanitorRepairsALostWebhookAndTheLateWebhookChangesNothing() {
        psp().faults("webhook_outage", true);
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "8.00", "EUR", "tok_async"));
        eventually().until(() -> pspReference(orderId) != null);
        String intent = pspReference(orderId);
        eventually().until(() -> "succeeded".equals(psp().intent(intent).get("status")));
        assertThat(orderStatus(orderId)).as("the webhook cannot arrive").isEqualTo("EXECUTING");

        Janitor.Report report = janitor.runOnce();

        assertThat(report.repaired()).isGreaterThanOrEqualTo(1);
        assertThat(orderStatus(orderId)).isEqualTo("SUCCEEDED");
        assertThat(operator.get("/actuator/prometheus").body())
                .contains("kassa_payment_janitor_repairs_total{how=\"get_intent\",kind=\"payment_order\"}");

        // The endpoint is back: the PSP redelivers, and the event is acknowledged without a second result.
        psp().resetFaults();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE object_id = ?").param(intent)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT outcome FROM psp_webhook_event WHERE object_id = ?").param(intent)
                .query(String.class).single()).isEqualTo("IGNORED");
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(paymentResults().forKey(orderId).getFirst()).isInstanceOf(PaymentOrderSucceeded.class);
    }

    @Test
    void aReconciliationDiscrepancyAboutAStuckOrderResolvesItAtOnce() {
        psp().faults("webhook_outage", true);
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "6.00", "USD", "tok_async"));
        eventually().until(() -> pspReference(orderId) != null);
        eventually().until(() -> "succeeded".equals(psp().intent(pspReference(orderId)).get("status")));

        events().send(Topics.RECONCILIATION_DISCREPANCIES, "2026-01-01", DiscrepancyFound.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now()).setReportDate("2026-01-01")
                .setDiscrepancyType("STATUS_MISMATCH").setPaymentOrderId(orderId)
                .setPspReference(pspReference(orderId)).setExpected("succeeded").setActual("EXECUTING")
                .build());

        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
    }

    @Test
    void theCircuitOpensWhileThePspIsDownAndThenFailsFastWithoutCallingIt() {
        psp().faults("unavailable_rate", 1.0);

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(this::charge).isInstanceOf(PspUnavailableException.class);
        }

        assertThat(pspCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long notPermitted = pspCircuitBreaker.getMetrics().getNumberOfNotPermittedCalls();
        int recorded = pspCircuitBreaker.getMetrics().getNumberOfBufferedCalls();
        assertThatThrownBy(this::charge).isInstanceOf(PspUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        // Refused by the breaker before the HTTP call: counted as not permitted, never recorded as a call made.
        assertThat(pspCircuitBreaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(notPermitted + 1);
        assertThat(pspCircuitBreaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(recorded);
        assertThat(operator.get("/actuator/prometheus").body()).contains("kassa_payment_psp_circuit_open 1.0")
                .contains("outcome=\"circuit_open\"");
    }

    private void charge() {
        pspClient.createPaymentIntent(100, "USD", "tok_visa", Map.of("payment_order_id", "circuit_test"),
                id("circuit"));
    }

    private String pspReference(String orderId) {
        return jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
    }

    private java.util.List<String> deadLetterKeys(String dlt) {
        JsonNode list = operator.get("/admin/dead-letters?limit=500&topic=" + dlt).json();
        return StreamSupport.stream(list.values().spliterator(), false).map(n -> n.path("key").asString()).toList();
    }
}
