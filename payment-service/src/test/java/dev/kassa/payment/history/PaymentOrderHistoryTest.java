package dev.kassa.payment.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.janitor.Janitor;
import dev.kassa.payment.support.HttpApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/payment-orders/{id}/history}: each way a payment order changes state leaves one entry with its
 * cause, read over HTTP from the running service (docs/architecture.md §11).
 */
class PaymentOrderHistoryTest extends PaymentServiceTestBase {

    @Autowired
    Janitor janitor;

    @Test
    void aPaymentShowsItsCreationByTheApiItsStartAndThePspsAnswer() {
        psp().faults("webhook_delay_ms", 60_000); // the result comes from the PSP's answer, not its webhook
        String orderId = id("po");

        HttpApi.Response created = api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "12.34", "USD",
                "tok_visa"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        HttpApi.Response response = history(orderId);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history.path("payment_order_id").asString()).isEqualTo(orderId);
        assertThat(entries(history)).containsExactly(
                tuple(null, "NOT_STARTED", "API", "merchant:" + merchant().merchantId(), null),
                tuple("NOT_STARTED", "EXECUTING", "EXECUTOR", null, "risk check passed"),
                tuple("EXECUTING", "SUCCEEDED", "PSP_ANSWER", null, null));
        List<String> times = new ArrayList<>();
        history.path("entries").forEach(entry -> {
            assertThat(entry.path("attempt").asInt()).isEqualTo(1);
            times.add(entry.path("at").asString());
        });
        assertThat(times).doesNotContainNull().isSortedAccordingTo(Comparator.comparing(Instant::parse));
    }

    @Test
    void aResultAppliedFromAWebhookNamesTheWebhookAndItsEvent() {
        String orderId = id("po");
        // tok_async: the PSP answers "processing"; its webhook brings the result.
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "3.00", "USD", "tok_async"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        JsonNode last = lastEntry(orderId);

        assertThat(last.path("to_status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.path("cause").asString()).isEqualTo("WEBHOOK");
        assertThat(last.path("actor").isNull()).isTrue();
        String eventId = jdbc.sql("""
                SELECT e.event_id FROM psp_webhook_event e JOIN payment_order o ON o.psp_reference = e.object_id
                 WHERE o.payment_order_id = ? AND e.outcome = 'APPLIED'""").param(orderId).query(String.class).single();
        assertThat(last.path("detail").asString()).isEqualTo("event " + eventId);
    }

    @Test
    void aStuckOrderResolvedByTheJanitorNamesTheJanitor() {
        psp().faults("webhook_outage", true);
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "8.00", "EUR", "tok_async"));
        eventually().until(() -> pspReference(orderId) != null);
        eventually().until(() -> "succeeded".equals(psp().intent(pspReference(orderId)).get("status")));

        assertThat(janitor.repairNow(orderId)).isTrue();

        JsonNode last = lastEntry(orderId);
        assertThat(last.path("from_status").asString()).isEqualTo("EXECUTING");
        assertThat(last.path("to_status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.path("cause").asString()).isEqualTo("JANITOR");
        assertThat(last.path("actor").isNull()).isTrue();
    }

    @Test
    void aRetryByAnOperatorNamesTheOperatorAndEachDeclineItsCode() {
        psp().faults("webhook_delay_ms", 60_000);
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "9.99", "USD", "tok_chargeDeclinedExpiredCard"));
        eventually().until(() -> orderStatus(orderId).equals("FAILED"));

        HttpApi.Response retried = operator.request("POST", "/api/v1/payment-orders/" + orderId + "/retry", null, null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        // The same card declines again, under attempt 2.
        eventually().until(() -> history(orderId).json().path("entries").size() == 6);
        JsonNode history = history(orderId).json();
        assertThat(entries(history)).containsExactly(
                tuple(null, "NOT_STARTED", "API", "merchant:" + merchant().merchantId(), null),
                tuple("NOT_STARTED", "EXECUTING", "EXECUTOR", null, "risk check passed"),
                tuple("EXECUTING", "FAILED", "PSP_ANSWER", null, "expired_card"),
                tuple("FAILED", "NOT_STARTED", "OPERATOR", "operator:test-operator", null),
                tuple("NOT_STARTED", "EXECUTING", "EXECUTOR", null, "risk check passed"),
                tuple("EXECUTING", "FAILED", "PSP_ANSWER", null, "expired_card"));
        List<Integer> attempts = new ArrayList<>();
        history.path("entries").forEach(entry -> attempts.add(entry.path("attempt").asInt()));
        assertThat(attempts).containsExactly(1, 1, 1, 2, 2, 2);
    }

    @Test
    void anUnknownOrderHasNoHistory() {
        HttpApi.Response unknown = history(id("po"));
        HttpApi.Response invalid = history("bad%20id");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("type").asString()).endsWith("/not-found");
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("payment_order_id");
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void theHistoryIsForItsMerchantAndOperatorsOnly() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "1.00", "USD", "tok_visa"));

        HttpApi.Response nobody = anonymous.get("/api/v1/payment-orders/" + orderId + "/history");
        HttpApi.Response otherMerchant = newMerchant().api().get("/api/v1/payment-orders/" + orderId + "/history");

        assertThat(nobody.status()).isEqualTo(401);
        assertThat(otherMerchant.status()).as("another merchant's order is as unknown").isEqualTo(404);
    }

    private HttpApi.Response history(String orderId) {
        return api.get("/api/v1/payment-orders/" + orderId + "/history");
    }

    private JsonNode lastEntry(String orderId) {
        JsonNode entries = history(orderId).json().path("entries");
        return entries.get(entries.size() - 1);
    }

    /** Each entry as (from_status, to_status, cause, actor, detail). */
    private static List<Tuple> entries(JsonNode history) {
        List<Tuple> entries = new ArrayList<>();
        history.path("entries").forEach(entry -> entries.add(tuple(text(entry, "from_status"), text(entry, "to_status"),
                text(entry, "cause"), text(entry, "actor"), text(entry, "detail"))));
        return entries;
    }

    private static String text(JsonNode entry, String field) {
        assertThat(entry.has(field)).as("entry has %s: %s", field, entry).isTrue();
        return entry.path(field).isNull() ? null : entry.path(field).asString();
    }

    private String pspReference(String orderId) {
        return jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
    }
}
