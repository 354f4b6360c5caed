package dev.kassa.pspmock.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.WebhookReceiver.Delivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each fault switch observably takes effect, and switching it off restores normal behaviour. */
class FaultInjectionTest extends PspIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void switchesAreShownAndReset() {
        Response changed = api.faults("{\"server_error_rate\": 0.25, \"webhook_outage\": true}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(admin.get("/admin/faults").json().path("server_error_rate").doubleValue()).isEqualTo(0.25);
        assertThat(admin.get("/admin/faults").json().path("webhook_outage").booleanValue()).isTrue();
        assertThat(admin.get("/admin/faults").json().path("latency_ms").longValue()).isZero();

        admin.delete("/admin/faults");
        assertThat(admin.get("/admin/faults").json().path("server_error_rate").doubleValue()).isZero();
    }

    @Test
    void serverErrorsHappenBeforeTheApiSoTheRetryIsProcessedFresh() {
        api.faults("{\"server_error_rate\": 1}");
        String key = PspApi.newKey();
        String body = PspApi.intentBody(900, "EUR", "tok_visa", "po-500");

        Response failed = api.post("/v1/payment_intents", key, body);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("error").path("type").stringValue()).isEqualTo("api_error");
        assertThat(api.get("/v1/payment_intents/pi_x").status()).isEqualTo(500);
        assertThat(intentsWithOrder("po-500")).isZero();

        api.faults("{\"server_error_rate\": 0}");
        Response retried = api.post("/v1/payment_intents", key, body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(intentsWithOrder("po-500")).isEqualTo(1);
    }

    @Test
    void unavailableAnswers503WithRetryAfter() {
        api.faults("{\"unavailable_rate\": 1}");

        Response response = api.createIntent(900, "EUR", "tok_visa");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.errorCode()).isEqualTo("service_unavailable");
    }

    @Test
    void aCallerWithoutAValidKeyIsRefusedWhateverTheSwitchesSay() {
        api.faults("{\"unavailable_rate\": 1}");

        Response anonymous = api.send(api.unauthorized("/v1/payment_intents/pi_x").GET());
        Response wrongKey = api.as("sk_test_wrong").get("/v1/payment_intents/pi_x");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(api.get("/v1/payment_intents/pi_x").status()).isEqualTo(503);
    }

    @Test
    void latencyIsAddedToEveryCall() {
        api.faults("{\"latency_ms\": 400}");

        long started = System.nanoTime();
        Response created = api.createIntent(900, "EUR", "tok_visa");
        Duration post = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        api.get("/v1/payment_intents/" + created.json().path("id").stringValue());
        Duration get = Duration.ofNanos(System.nanoTime() - started);

        assertThat(created.status()).isEqualTo(200);
        assertThat(post).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(get).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void lostResponseChargesAndTheRetryGetsTheOriginal() {
        api.faults("{\"response_lost_rate\": 1}");
        String key = PspApi.newKey();
        String body = PspApi.intentBody(900, "EUR", "tok_visa", "po-lost");

        Response lost = api.post("/v1/payment_intents", key, body);

        assertThat(lost.status()).isEqualTo(500);
        assertThat(lost.errorCode()).isEqualTo("response_lost");
        assertThat(intentsWithOrder("po-lost")).isEqualTo(1);

        api.faults("{\"response_lost_rate\": 0}");
        Response retried = api.post("/v1/payment_intents", key, body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retried.json().path("status").stringValue()).isEqualTo("succeeded");
        assertThat(intentsWithOrder("po-lost")).isEqualTo(1);
    }

    @Test
    void duplicateWebhooksDeliverTheSameEventTwice() {
        api.faults("{\"duplicate_webhook_rate\": 1}");

        String intentId = api.createIntent(900, "EUR", "tok_visa").json().path("id").stringValue();

        List<Delivery> deliveries = await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.deliveriesFor(intentId), d -> d.size() >= 2);
        assertThat(deliveries).extracting(Delivery::eventId).containsOnly(deliveries.getFirst().eventId());
    }

    @Test
    void webhookDelayHoldsTheFirstAttempt() {
        api.faults("{\"webhook_delay_ms\": 1000}");
        Instant before = Instant.now();

        String intentId = api.createIntent(900, "EUR", "tok_visa").json().path("id").stringValue();

        Delivery delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.deliveriesFor(intentId), d -> !d.isEmpty()).getFirst();
        assertThat(Duration.between(before, delivery.receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void reorderingDeliversLaterEventsFirst() {
        // Held events are released when the oldest queued first attempt is due: start from an empty queue, so
        // that a previous test's delivery cannot release them early.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/events?delivery_success=false").json().path("data").isEmpty());
        api.faults("{\"webhook_delay_ms\": 1000, \"webhook_reorder\": true}");

        String earlier = api.createIntent(900, "EUR", "tok_visa").json().path("id").stringValue();
        String later = api.createIntent(900, "EUR", "tok_visa").json().path("id").stringValue();

        await().atMost(Duration.ofSeconds(10)).until(() ->
                !RECEIVER.deliveriesFor(earlier).isEmpty() && !RECEIVER.deliveriesFor(later).isEmpty());
        List<String> order = RECEIVER.deliveries().stream().map(Delivery::objectId)
                .filter(id -> id.equals(earlier) || id.equals(later)).toList();
        assertThat(order).containsExactly(later, earlier);
    }

    @Test
    void endpointOutageFailsEveryAttemptUntilItEnds() {
        api.faults("{\"webhook_outage\": true}");
        String intentId = api.createIntent(900, "EUR", "tok_visa").json().path("id").stringValue();

        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts(intentId) >= 2);
        assertThat(RECEIVER.deliveriesFor(intentId)).isEmpty();
        assertThat(api.get("/v1/events?delivery_success=false&limit=100").body()).contains(intentId);

        api.faults("{\"webhook_outage\": false}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !RECEIVER.deliveriesFor(intentId).isEmpty());
    }

    private int failedAttempts(String objectId) {
        return jdbc.sql("""
                        select coalesce(max(d.attempts), 0) from webhook_delivery d
                        join webhook_event e on e.id = d.event_id
                        where e.object_id = :id and d.delivered_at is null and d.last_error like '%outage%'""")
                .param("id", objectId).query(Integer.class).single();
    }

    private int intentsWithOrder(String paymentOrderId) {
        return jdbc.sql("select count(*) from payment_intent where metadata ->> 'payment_order_id' = :po")
                .param("po", paymentOrderId).query(Integer.class).single();
    }
}
