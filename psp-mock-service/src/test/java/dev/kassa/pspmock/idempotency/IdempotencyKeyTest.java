package dev.kassa.pspmock.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyKeyTest extends PspIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeyCleanup cleanup;

    @Test
    void sameKeySameParametersReplaysTheFirstResponseExactly() {
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1000, "EUR", "tok_visa", "po-replay");

        Response first = api.post("/v1/payment_intents", key, body);
        Response again = api.post("/v1/payment_intents", key, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(intentsWithOrder("po-replay")).isEqualTo(1);
    }

    @Test
    void sameParametersInAnotherSpellingAreTheSameRequest() {
        String key = PspApi.newKey();
        Response first = api.post("/v1/payment_intents", key,
                "{\"amount\": 700, \"currency\": \"eur\", \"payment_method\": \"tok_visa\", \"confirm\": true, \"metadata\": {\"a\": \"1\", \"b\": \"2\"}}");
        Response again = api.post("/v1/payment_intents", key,
                "{\"metadata\": {\"b\": \"2\", \"a\": \"1\"}, \"payment_method\": \"tok_visa\", \"currency\": \"EUR\", \"confirm\": true, \"amount\": 700}");
        Response asForm = api.postForm("/v1/payment_intents", key,
                "metadata[b]=2&amount=700&currency=eur&payment_method=tok_visa&confirm=true&metadata[a]=1");

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(asForm.status()).isEqualTo(200);
        assertThat(asForm.body()).isEqualTo(first.body());
        assertThat(asForm.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void errorsAreReplayedToo() {
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1000, "EUR", "tok_chargeDeclined", "po-declined-replay");

        Response first = api.post("/v1/payment_intents", key, body);
        Response again = api.post("/v1/payment_intents", key, body);

        assertThat(first.status()).isEqualTo(402);
        assertThat(again.status()).isEqualTo(402);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(intentsWithOrder("po-declined-replay")).isEqualTo(1);
    }

    @Test
    void sameKeyOtherParametersIsAnIdempotencyError() {
        String key = PspApi.newKey();
        api.post("/v1/payment_intents", key, PspApi.intentBody(1000, "EUR", "tok_visa", "po-a"));

        Response other = api.post("/v1/payment_intents", key, PspApi.intentBody(1001, "EUR", "tok_visa", "po-a"));

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().path("error").path("type").stringValue()).isEqualTo("idempotency_error");
        assertThat(other.errorCode()).isEqualTo("idempotency_error");
    }

    @Test
    void sameKeyOnAnotherEndpointIsAnIdempotencyError() {
        String key = PspApi.newKey();
        String intentId = api.post("/v1/payment_intents", key, PspApi.intentBody(1000, "EUR", "tok_visa", "po-b"))
                .json().path("id").stringValue();

        Response refund = api.post("/v1/refunds", key, "{\"payment_intent\": \"" + intentId + "\"}");

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.errorCode()).isEqualTo("idempotency_error");
    }

    @Test
    void aKeyInFlightIsRefusedWith409() throws Exception {
        // Latency holds the first request inside its in-flight window for a second.
        api.faults("{\"latency_ms\": 1000}");
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1000, "EUR", "tok_visa", "po-in-flight");
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.post("/v1/payment_intents", key, body);
                }, clients));
            }
            start.countDown();
            List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(Response::status).toList();

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            Response refused = responses.stream().map(CompletableFuture::join).filter(r -> r.status() == 409)
                    .findFirst().orElseThrow();
            assertThat(refused.errorCode()).isEqualTo("idempotency_key_in_use");
        }
        admin.delete("/admin/faults");
        Response later = api.post("/v1/payment_intents", key, body);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(intentsWithOrder("po-in-flight")).isEqualTo(1);
    }

    @Test
    void aBurstOfConcurrentRetriesChargesOnce() throws Exception {
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1000, "EUR", "tok_visa", "po-burst");
        CountDownLatch start = new CountDownLatch(1);
        List<Response> responses;
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.post("/v1/payment_intents", key, body);
                }, clients));
            }
            start.countDown();
            responses = futures.stream().map(CompletableFuture::join).toList();
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        List<String> ids = responses.stream().filter(r -> r.status() == 200)
                .map(r -> r.json().path("id").stringValue()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(intentsWithOrder("po-burst")).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreNotRecordedSoTheFixedRequestGoesThrough() {
        String key = PspApi.newKey();

        Response invalid = api.post("/v1/payment_intents", key, PspApi.intentBody(0, "EUR", "tok_visa", "po-fixed"));
        Response fixed = api.post("/v1/payment_intents", key, PspApi.intentBody(10, "EUR", "tok_visa", "po-fixed"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fixed.status()).isEqualTo(200);
    }

    @Test
    void missingOrTooLongKeysAreRejected() {
        String body = PspApi.intentBody(10, "EUR", "tok_visa", "po-keys");

        Response missing = api.post("/v1/payment_intents", null, body);
        Response tooLong = api.post("/v1/payment_intents", "k".repeat(256), body);
        String longestKey = PspApi.newKey() + "k".repeat(255 - PspApi.newKey().length());
        Response longest = api.post("/v1/payment_intents", longestKey, body);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("idempotency_key_missing");
        assertThat(missing.errorParam()).isEqualTo("Idempotency-Key");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("idempotency_key_too_long");
        assertThat(longestKey).hasSize(255);
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void aKeyLeftInFlightByADeadProcessIsTakenOverAfterItsLease() {
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1000, "EUR", "tok_visa", "po-takeover");
        Response probe = api.post("/v1/payment_intents", key, body);
        String fingerprint = jdbc.sql("select request_fingerprint from idempotency_key where key = :key")
                .param("key", key).query(String.class).single();
        // As a process that died mid-request leaves it: claimed, lease over, nothing committed.
        String deadKey = PspApi.newKey();
        jdbc.sql("""
                        insert into idempotency_key (key, request_fingerprint, state, claim_token, lease_until, created_at)
                        values (:key, :fp, 'in_flight', 1, :expired, :expired)""")
                .param("key", deadKey).param("fp", fingerprint)
                .param("expired", Instant.now().minusSeconds(5).atOffset(ZoneOffset.UTC))
                .update();

        Response retry = api.post("/v1/payment_intents", deadKey, body);

        assertThat(probe.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("id").stringValue()).isNotEqualTo(probe.json().path("id").stringValue());
    }

    @Test
    void keysAreKeptForADayThenCleanedUp() {
        String oldKey = PspApi.newKey();
        String recentKey = PspApi.newKey();
        insertCompletedKey(oldKey, Instant.now().minus(25, ChronoUnit.HOURS));
        insertCompletedKey(recentKey, Instant.now().minus(23, ChronoUnit.HOURS));

        int deleted = cleanup.deleteExpiredKeys();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(keyExists(oldKey)).isFalse();
        assertThat(keyExists(recentKey)).isTrue();
    }

    private void insertCompletedKey(String key, Instant created) {
        jdbc.sql("""
                        insert into idempotency_key (key, request_fingerprint, state, claim_token, lease_until,
                            response_status, response_body, created_at)
                        values (:key, 'fp', 'completed', 1, :created, 200, '{}', :created)""")
                .param("key", key).param("created", created.atOffset(ZoneOffset.UTC))
                .update();
    }

    private boolean keyExists(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key)
                .query(Integer.class).single() == 1;
    }

    private int intentsWithOrder(String paymentOrderId) {
        return jdbc.sql("select count(*) from payment_intent where metadata ->> 'payment_order_id' = :po")
                .param("po", paymentOrderId).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
