package dev.kassa.pspmock.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.WebhookReceiver.Delivery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryTest extends PspIntegrationTest {

    @Test
    void eventIsSignedWithOneSignaturePerActiveSecret() throws Exception {
        String intentId = api.createIntent(1234, "EUR", "tok_visa").json().path("id").stringValue();

        Delivery delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.deliveriesFor(intentId), d -> !d.isEmpty()).getFirst();

        // Parse "t=...,v1=...,v1=..." and recompute every HMAC here, independently of the service's code.
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : delivery.signature().split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        String signedPayload = timestamp + "." + delivery.body();
        assertThat(signatures).containsExactly(
                hmacSha256Hex(WEBHOOK_SECRET, signedPayload), hmacSha256Hex(NEXT_WEBHOOK_SECRET, signedPayload));
        assertThat(signatures).doesNotContain(hmacSha256Hex("whsec_wrong", signedPayload));

        JsonNode event = delivery.event();
        assertThat(event.path("id").stringValue()).startsWith("evt_");
        assertThat(event.path("object").stringValue()).isEqualTo("event");
        assertThat(event.path("type").stringValue()).isEqualTo("payment_intent.succeeded");
        assertThat(event.path("created").longValue()).isPositive();
        assertThat(event.path("data").path("object").path("amount").longValue()).isEqualTo(1234);
    }

    @Test
    void deliveryIsRetriedWithBackoffUntilTheEndpointAnswers2xx() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        RECEIVER.respondWith(d -> d.type().startsWith("payment_intent") && failuresLeft.getAndDecrement() > 0 ? 500 : 200);
        String intentId = api.createIntent(500, "EUR", "tok_visa").json().path("id").stringValue();

        List<Delivery> attempts = await().atMost(Duration.ofSeconds(15))
                .until(() -> RECEIVER.deliveriesFor(intentId), d -> d.size() >= 3);

        assertThat(attempts).extracting(Delivery::eventId).containsOnly(attempts.getFirst().eventId());
        // Backoff: the second retry waited longer than the first (200 ms, then 400 ms configured).
        Duration firstWait = Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt());
        Duration secondWait = Duration.between(attempts.get(1).receivedAt(), attempts.get(2).receivedAt());
        assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        String eventId = attempts.getFirst().eventId();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/v1/events/" + eventId).json().path("pending_webhooks").intValue()).isZero());
        assertThat(undeliveredEventIds()).doesNotContain(eventId);
    }

    @Test
    void aRetryStaysDueWhenOtherWebhooksWakeTheDispatcherFirst() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RECEIVER.respondWith(d -> d.type().startsWith("payment_intent") && failuresLeft.getAndDecrement() > 0 ? 500 : 200);
        String failing = api.createIntent(600, "EUR", "tok_visa").json().path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.deliveriesFor(failing), d -> !d.isEmpty());

        // Claimed before the retry is due (200 ms backoff): the dispatcher wakes for this one first, and must
        // still wake for the retry, as the safety poll of these tests is minutes away.
        String other = api.createIntent(700, "EUR", "tok_visa").json().path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.deliveriesFor(other), d -> !d.isEmpty());

        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.deliveriesFor(failing), d -> d.size() == 2);
    }

    @Test
    void undeliveredEventsAreListed() {
        RECEIVER.respondWith(d -> 503);
        String intentId = api.createIntent(700, "EUR", "tok_visa").json().path("id").stringValue();
        String eventId = await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.deliveriesFor(intentId), d -> !d.isEmpty()).getFirst().eventId();

        assertThat(undeliveredEventIds()).contains(eventId);
        JsonNode listed = api.get("/v1/events/" + eventId).json();
        assertThat(listed.path("pending_webhooks").intValue()).isEqualTo(1);

        RECEIVER.reset();
        await().atMost(Duration.ofSeconds(10)).until(() -> !undeliveredEventIds().contains(eventId));
        assertThat(deliveredEventIds()).contains(eventId);
    }

    @Test
    void eventListPagesNewestFirst() {
        String first = api.createIntent(100, "EUR", "tok_visa").json().path("id").stringValue();
        String second = api.createIntent(100, "EUR", "tok_visa").json().path("id").stringValue();

        JsonNode page = api.get("/v1/events?type=payment_intent.succeeded&limit=1").json();
        assertThat(page.path("has_more").booleanValue()).isTrue();
        assertThat(page.path("data").get(0).path("data").path("object").path("id").stringValue()).isEqualTo(second);
        String newest = page.path("data").get(0).path("id").stringValue();
        JsonNode next = api.get("/v1/events?type=payment_intent.succeeded&limit=1&starting_after=" + newest).json();
        assertThat(next.path("data").get(0).path("data").path("object").path("id").stringValue()).isEqualTo(first);
    }

    private List<String> undeliveredEventIds() {
        return eventIds("/v1/events?delivery_success=false&limit=100");
    }

    private List<String> deliveredEventIds() {
        return eventIds("/v1/events?delivery_success=true&limit=100");
    }

    private List<String> eventIds(String path) {
        List<String> ids = new ArrayList<>();
        api.get(path).json().path("data").forEach(e -> ids.add(e.path("id").stringValue()));
        return ids;
    }

    static String hmacSha256Hex(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
