package dev.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.PspMock;
import dev.kassa.payment.support.WebhookSignatures;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/v1/webhooks/psp}, Stripe's events under {@code Stripe-Signature}: signatures recomputed here
 * independently of the service's code, and by stripe-java's own utilities;
 * tampered, expired, future, unsigned and foreign-secret webhooks change nothing; a rotated secret is
 * accepted; duplicates and late events never apply twice; unknown intents are recorded, not retried.
 */
class WebhookTest extends PaymentServiceTestBase {

    private static final String WEBHOOK = "/api/v1/webhooks/psp";

    @Autowired
    private DataSource dataSource;

    @Test
    void tamperedExpiredFutureMissingAndForeignSignaturesAreRejectedAndChangeNothing() {
        Order order = executingAsyncOrder();
        String event = succeededEvent(id("evt"), order);
        long now = Instant.now().getEpochSecond();

        assertRejected(send(event.replace("\"amount\":1000", "\"amount\":1"), sign(PspMock.WEBHOOK_SECRET, now, event)),
                "Stripe-Signature");
        assertRejected(send(event, sign(PspMock.WEBHOOK_SECRET, now - 301, event)), "Stripe-Signature");
        // Well past the 300 s tolerance: at now + 301 the check flaked whenever a second began before the service read
        // its clock (then the timestamp was exactly 300 s ahead, which is within the tolerance).
        assertRejected(send(event, sign(PspMock.WEBHOOK_SECRET, now + 330, event)), "Stripe-Signature");
        assertRejected(send(event, null), "Stripe-Signature");
        assertRejected(send(event, "v1=" + hmac(PspMock.WEBHOOK_SECRET, now, event)), "Stripe-Signature");
        assertRejected(send(event, "t=" + now + ",v1=zz"), "Stripe-Signature");
        assertRejected(send(event, sign("whsec_someone_else", now, event)), "Stripe-Signature");

        assertThat(orderStatus(order.id())).isEqualTo("EXECUTING");
        assertThat(jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE object_id = ?").param(order.intent())
                .query(Long.class).single()).isZero();
        String metrics = operator.get("/actuator/prometheus").body();
        assertThat(metrics).contains("kassa_payment_webhook_rejections_total{reason=\"bad_signature\"}")
                .contains("reason=\"expired\"").contains("reason=\"future\"").contains("reason=\"missing_signature\"")
                .contains("reason=\"malformed_signature\"");
    }

    @Test
    void anEventSignedAsStripeJavasWebhookVerifiesItIsApplied() throws Exception {
        Order order = executingAsyncOrder();
        String event = stripeEvent(id("evt"), "payment_intent.succeeded", """
                {"id":"%s","object":"payment_intent","amount":1000,"amount_received":1000,"currency":"usd",
                 "status":"succeeded","latest_charge":"ch_%s","metadata":{"payment_order_id":"%s","attempt":"1"}}"""
                .formatted(order.intent(), order.id(), order.id()));
        long t = Webhook.Util.getTimeNow();
        String header = "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(PspMock.WEBHOOK_SECRET, t + "." + event);
        Event asStripeJavaReadsIt = Webhook.constructEvent(event, header, PspMock.WEBHOOK_SECRET);
        assertThat(asStripeJavaReadsIt.getType()).isEqualTo("payment_intent.succeeded");

        HttpApi.Response response = send(event, header);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(orderStatus(order.id())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRefundIsDecidedByTheStatusOfAnyRefundEventAndChargeRefundedIsOnlyRecorded() {
        // tok_async refunds are pending at the PSP; its own webhooks are held back, so the test's events decide.
        String orderId = id("po");
        String checkoutId = id("chk");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "10.00", "USD", "tok_async"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        psp().faults("webhook_delay_ms", 60_000);
        String refundId = id("re");
        HttpApi.Response requested = api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"4.00\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        eventually().until(() -> refundStatus(refundId).equals("PENDING"));
        String pspRefund = jdbc.sql("SELECT psp_refund_reference FROM refund WHERE refund_id = ?").param(refundId)
                .query(String.class).single();
        String intent = jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
        long now = Instant.now().getEpochSecond();

        String created = stripeEvent(id("evt"), "refund.created", refundObject(pspRefund, intent, 400, "pending",
                refundId, orderId));
        assertThat(send(created, sign(PspMock.WEBHOOK_SECRET, now, created)).json().path("outcome").asString())
                .isEqualTo("IGNORED");
        assertThat(refundStatus(refundId)).as("pending: not yet").isEqualTo("PENDING");

        String chargeEventId = id("evt");
        String chargeRefunded = stripeEvent(chargeEventId, "charge.refunded", """
                {"id":"ch_%s","object":"charge","payment_intent":"%s","amount":1000,"amount_refunded":400,
                 "refunded":false,"currency":"usd","metadata":{"payment_order_id":"%s","attempt":"1"}}"""
                .formatted(orderId, intent, orderId));
        assertThat(send(chargeRefunded, sign(PspMock.WEBHOOK_SECRET, now, chargeRefunded)).json().path("outcome")
                .asString()).isEqualTo("IGNORED");
        assertThat(auditOf(chargeEventId)).isEqualTo("charge.refunded ch_" + orderId + " IGNORED event type not acted on");
        assertThat(refundStatus(refundId)).isEqualTo("PENDING");

        String updated = stripeEvent(id("evt"), "refund.updated", refundObject(pspRefund, intent, 400,
                "succeeded", refundId, orderId));
        HttpApi.Response applied = send(updated, sign(PspMock.WEBHOOK_SECRET, now, updated));

        assertThat(applied.json().path("outcome").asString()).as(applied.body()).isEqualTo("APPLIED");
        assertThat(refundStatus(refundId)).isEqualTo("SUCCEEDED");
        assertThat(order(orderId).json().path("refunded_amount").asString()).isEqualTo("4.00");
    }

    @Test
    void aRefundFailedOrCanceledAtThePspFailsWhateverTheEventTypeSays() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "10.00", "USD", "tok_async"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        psp().faults("webhook_delay_ms", 60_000);
        String refundId = id("re");
        api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"10.00\"}");
        eventually().until(() -> refundStatus(refundId).equals("PENDING"));
        String pspRefund = jdbc.sql("SELECT psp_refund_reference FROM refund WHERE refund_id = ?").param(refundId)
                .query(String.class).single();

        String intent = jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();

        // refund.updated, not refund.failed: the refund's status is what counts.
        String canceled = stripeEvent(id("evt"), "refund.updated", refundObject(pspRefund, intent, 1000, "canceled",
                refundId, orderId));
        HttpApi.Response response = send(canceled, sign(PspMock.WEBHOOK_SECRET, Instant.now().getEpochSecond(),
                canceled));

        assertThat(response.json().path("outcome").asString()).as(response.body()).isEqualTo("APPLIED");
        assertThat(refundStatus(refundId)).isEqualTo("FAILED");
        assertThat(order(orderId).json().path("refunded_amount").asString()).isEqualTo("0.00");
    }

    @Test
    void anEventSignedWithTheRotatedSecretIsApplied() {
        Order order = executingAsyncOrder();
        String event = succeededEvent(id("evt"), order);
        long now = Instant.now().getEpochSecond();

        // During a rotation the PSP signs with old and new secret; the new one alone must also do.
        HttpApi.Response response = send(event, "t=" + now + ",v1=" + hmac("whsec_retired", now, event)
                + ",v1=" + hmac(ROTATED_SECRET, now, event));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(orderStatus(order.id())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aDuplicateEventIsAcknowledgedAndAppliedOnce() {
        Order order = executingAsyncOrder();
        String eventId = id("evt");
        String event = succeededEvent(eventId, order);
        long now = Instant.now().getEpochSecond();

        HttpApi.Response first = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));
        HttpApi.Response again = send(event, sign(PspMock.WEBHOOK_SECRET, now + 1, event));

        assertThat(first.json().path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asString()).isEqualTo("DUPLICATE");
        eventually().until(() -> !paymentResults().forKey(order.id()).isEmpty());
        assertThat(paymentResults().forKey(order.id())).hasSize(1).first().isInstanceOf(PaymentOrderSucceeded.class);
    }

    @Test
    void anEventWhoseOrderRowIsHeldByAnotherTransactionIsAnswered503AndAppliedWhenDeliveredAgain() throws Exception {
        Order order = executingAsyncOrder();
        String eventId = id("evt");
        String event = succeededEvent(eventId, order);
        long now = Instant.now().getEpochSecond();

        HttpApi.Response busy;
        // Another transaction (as the executor applying the same result) holds the order's row.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM payment_order WHERE payment_order_id = ? FOR UPDATE")) {
                lock.setString(1, order.id());
                lock.executeQuery().close();
            }
            busy = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));
            holder.rollback();
        }

        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.json().path("type").asString()).endsWith("/temporarily-unavailable");
        assertThat(orderStatus(order.id())).isEqualTo("EXECUTING");
        assertThat(jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single()).as("nothing recorded, so the redelivery is not a duplicate").isZero();

        HttpApi.Response again = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));
        assertThat(again.json().path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(orderStatus(order.id())).isEqualTo("SUCCEEDED");
    }

    @Test
    void theRealPspsDuplicatedWebhooksApplyOnce() {
        psp().faults("duplicate_webhook_rate", 1.0);
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "3.00", "USD", "tok_async"));

        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        eventually().until(() -> webhookRows(orderId) >= 1);
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(paymentResults().forKey(orderId)).hasSize(1);
    }

    @Test
    void lateAndOutOfOrderEventsNeverChangeAResolvedOrder() {
        Order order = executingAsyncOrder();
        long now = Instant.now().getEpochSecond();
        String success = succeededEvent(id("evt"), order);
        assertThat(send(success, sign(PspMock.WEBHOOK_SECRET, now, success)).json().path("outcome").asString())
                .isEqualTo("APPLIED");

        // A failure for the same intent arriving after its success (reordered delivery).
        String lateFailure = failedEvent(id("evt"), order, 1);
        HttpApi.Response late = send(lateFailure, sign(PspMock.WEBHOOK_SECRET, now, lateFailure));
        // An event of an attempt that is not the order's (e.g. from before a manual retry).
        String otherAttempt = failedEvent(id("evt"), order, 7);
        HttpApi.Response stale = send(otherAttempt, sign(PspMock.WEBHOOK_SECRET, now, otherAttempt));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(stale.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(orderStatus(order.id())).isEqualTo("SUCCEEDED");
        eventually().until(() -> !paymentResults().forKey(order.id()).isEmpty());
        assertThat(paymentResults().forKey(order.id())).hasSize(1);
    }

    @Test
    void aSignedResultForOtherMoneyThanTheOrdersIsNotBooked() {
        Order order = executingAsyncOrder();
        String event = succeededEvent(id("evt"), order).replace("\"amount\":1000", "\"amount\":100000");
        long now = Instant.now().getEpochSecond();

        HttpApi.Response response = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(orderStatus(order.id())).isEqualTo("EXECUTING");
    }

    @Test
    void anEventForAnUnknownIntentIsAcknowledgedAndRecordedForOperators() {
        String eventId = id("evt");
        String event = """
                {"id":"%s","object":"event","type":"payment_intent.succeeded","created":%d,
                 "data":{"object":{"id":"pi_unknown_%s","object":"payment_intent","amount":500,"currency":"usd",
                 "status":"succeeded","metadata":{}}}}""".formatted(eventId, Instant.now().getEpochSecond(), eventId);

        HttpApi.Response response = send(event, sign(PspMock.WEBHOOK_SECRET, Instant.now().getEpochSecond(), event));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("UNMATCHED");
        assertThat(jdbc.sql("SELECT outcome || ' ' || (payload->>'id') FROM psp_webhook_event WHERE event_id = ?")
                .param(eventId).query(String.class).single()).isEqualTo("UNMATCHED " + eventId);
        // Operators find it with its payload.
        HttpApi.Response unmatched = operator.get("/admin/webhooks/unmatched?limit=500");
        assertThat(unmatched.status()).isEqualTo(200);
        assertThat(unmatched.json().values()).anySatisfy(e -> {
            assertThat(e.path("event_id").asString()).isEqualTo(eventId);
            assertThat(e.path("object_id").asString()).isEqualTo("pi_unknown_" + eventId);
            assertThat(e.path("payload").asString()).contains("pi_unknown_" + eventId);
        });
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRejected() {
        String notAnEvent = "{\"hello\":\"world\"}";
        long now = Instant.now().getEpochSecond();
        assertRejected(send(notAnEvent, sign(PspMock.WEBHOOK_SECRET, now, notAnEvent)), "body");
    }

    @Test
    void aWebhookRepeatingAResultAlreadyAppliedIsRecordedAndChangesNothingElse() {
        // tok_visa is answered at once: the result is applied from the PSP's response, and its webhook (held
        // back here) would only repeat it.
        Order order = resolvedOrder("tok_visa", "SUCCEEDED");
        String before = stateOf(order);
        String eventId = id("evt");
        String event = succeededEvent(eventId, order);
        long now = Instant.now().getEpochSecond();

        HttpApi.Response response = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));
        HttpApi.Response again = send(event, sign(PspMock.WEBHOOK_SECRET, now + 1, event));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(again.json().path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(auditOf(eventId)).isEqualTo("payment_intent.succeeded " + order.intent() + " IGNORED order already SUCCEEDED");
        assertThat(stateOf(order)).as("order, checkout and outbox untouched").isEqualTo(before);
        eventually().until(() -> paymentResults().forKey(order.id()).size() == 1);
        assertThat(paymentResults().forKey(order.id())).hasSize(1).first().isInstanceOf(PaymentOrderSucceeded.class);
    }

    @Test
    void aWebhookRepeatingADeclineAlreadyAppliedIsRecordedAndChangesNothingElse() {
        Order order = resolvedOrder("tok_chargeDeclined", "FAILED");
        String before = stateOf(order);
        String eventId = id("evt");
        String event = failedEvent(eventId, order, 1);

        HttpApi.Response response = send(event, sign(PspMock.WEBHOOK_SECRET, Instant.now().getEpochSecond(), event));

        assertThat(response.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(auditOf(eventId)).isEqualTo("payment_intent.payment_failed " + order.intent() + " IGNORED order already FAILED");
        assertThat(stateOf(order)).isEqualTo(before);
    }

    @Test
    void aWebhookRepeatingARefundAlreadyAppliedIsRecordedAndChangesNothingElse() {
        Order order = resolvedOrder("tok_visa", "SUCCEEDED");
        String refundId = id("re");
        HttpApi.Response refund = api.postJson("/api/v1/payment-orders/" + order.id() + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"4.00\"}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(202);
        eventually().until(() -> jdbc.sql("SELECT status FROM refund WHERE refund_id = ?").param(refundId)
                .query(String.class).single().equals("SUCCEEDED"));
        String pspRefund = jdbc.sql("SELECT psp_refund_reference FROM refund WHERE refund_id = ?").param(refundId)
                .query(String.class).single();
        String before = stateOf(order) + refundRow(refundId);
        String eventId = id("evt");
        String event = """
                {"id":"%s","object":"event","type":"refund.updated","created":%d,
                 "data":{"object":{"id":"%s","object":"refund","amount":400,"payment_intent":"%s","status":"succeeded",
                 "metadata":{"refund_id":"%s","payment_order_id":"%s"}}}}""".formatted(eventId,
                Instant.now().getEpochSecond(), pspRefund, order.intent(), refundId, order.id());

        HttpApi.Response response = send(event, sign(PspMock.WEBHOOK_SECRET, Instant.now().getEpochSecond(), event));

        assertThat(response.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(auditOf(eventId)).isEqualTo("refund.updated " + pspRefund + " IGNORED refund already SUCCEEDED");
        assertThat(stateOf(order) + refundRow(refundId)).isEqualTo(before);
    }

    @Test
    void anEventOfATypeKassaDoesNotActOnIsRecordedOnce() {
        String eventId = id("evt");
        String event = """
                {"id":"%s","object":"event","type":"payout.paid","created":%d,
                 "data":{"object":{"id":"po_%s","object":"payout"}}}""".formatted(eventId,
                Instant.now().getEpochSecond(), eventId);
        long now = Instant.now().getEpochSecond();

        HttpApi.Response first = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));
        HttpApi.Response again = send(event, sign(PspMock.WEBHOOK_SECRET, now, event));

        assertThat(first.json().path("outcome").asString()).isEqualTo("IGNORED");
        assertThat(again.json().path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(auditOf(eventId)).isEqualTo("payout.paid po_" + eventId + " IGNORED event type not acted on");
    }

    /** An order the PSP resolved in its answer, with the PSP's own webhook held back for the test's span. */
    private Order resolvedOrder(String token, String status) {
        psp().faults("webhook_delay_ms", 60_000);
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "10.00", "USD", token));
        eventually().until(() -> orderStatus(orderId).equals(status));
        String intent = jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
        assertThat(intent).isNotNull();
        return new Order(checkoutId, orderId, intent);
    }

    /** The order's and checkout's rows as text (every column, updated_at too) and the ids of its outbox rows. */
    private String stateOf(Order order) {
        return jdbc.sql("""
                SELECT o::text || ' ' || c::text || ' ' || (SELECT string_agg(m.id::text, ',' ORDER BY m.seq)
                                                              FROM outbox_message m WHERE m.message_key = o.payment_order_id)
                  FROM payment_order o JOIN checkout c USING (checkout_id) WHERE o.payment_order_id = ?""")
                .param(order.id()).query(String.class).single();
    }

    private String refundRow(String refundId) {
        return jdbc.sql("SELECT r::text FROM refund r WHERE refund_id = ?").param(refundId).query(String.class).single();
    }

    /** The audit row of one event: type, object, outcome and detail (and no payload: that is for UNMATCHED only). */
    private String auditOf(String eventId) {
        return jdbc.sql("""
                SELECT event_type || ' ' || object_id || ' ' || outcome || ' ' || detail || coalesce(' ' || payload::text, '')
                  FROM psp_webhook_event WHERE event_id = ?""").param(eventId).query(String.class).single();
    }

    /** An order whose PSP intent is processing, with the PSP's own webhook held back for the test's span. */
    private Order executingAsyncOrder() {
        psp().faults("webhook_delay_ms", 60_000);
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "10.00", "USD", "tok_async"));
        eventually().until(() -> jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?")
                .param(orderId).query(String.class).optional().isPresent());
        String intent = jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
        return new Order(checkoutId, orderId, intent);
    }

    private record Order(String checkoutId, String id, String intent) {
    }

    private static String succeededEvent(String eventId, Order order) {
        return """
                {"id":"%s","object":"event","type":"payment_intent.succeeded","created":%d,
                 "data":{"object":{"id":"%s","object":"payment_intent","amount":1000,"currency":"usd",
                 "status":"succeeded","payment_method":"tok_async",
                 "metadata":{"payment_order_id":"%s","checkout_id":"%s","attempt":"1"},"last_payment_error":null,
                 "a_field_kassa_does_not_know":true}}}""".formatted(eventId, Instant.now().getEpochSecond(),
                order.intent(), order.id(), order.checkoutId());
    }

    private static String failedEvent(String eventId, Order order, int attempt) {
        return """
                {"id":"%s","object":"event","type":"payment_intent.payment_failed","created":%d,
                 "data":{"object":{"id":"%s","object":"payment_intent","amount":1000,"currency":"usd",
                 "status":"requires_payment_method","payment_method":"tok_async",
                 "metadata":{"payment_order_id":"%s","checkout_id":"%s","attempt":"%d"},
                 "last_payment_error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline",
                 "message":"Your card was declined."}}}}""".formatted(eventId, Instant.now().getEpochSecond(),
                order.intent(), order.id(), order.checkoutId(), attempt);
    }

    /** An event as Stripe sends it, every envelope field included. */
    private static String stripeEvent(String eventId, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":%s}}""".formatted(eventId, Instant.now().getEpochSecond(), type, object);
    }

    private static String refundObject(String pspRefund, String intent, long amount, String status, String refundId,
                                       String orderId) {
        return """
                {"id":"%s","object":"refund","amount":%d,"currency":"usd","payment_intent":"%s","charge":"ch_1",
                 "status":"%s","failure_reason":%s,"metadata":{"refund_id":"%s","payment_order_id":"%s"}}"""
                .formatted(pspRefund, amount, intent, status, status.equals("succeeded") || status.equals("pending") ? "null"
                        : "\"merchant_request\"", refundId, orderId);
    }

    private String refundStatus(String refundId) {
        return jdbc.sql("SELECT status FROM refund WHERE refund_id = ?").param(refundId).query(String.class)
                .optional().orElse("MISSING");
    }

    private long webhookRows(String orderId) {
        return jdbc.sql("""
                SELECT count(*) FROM psp_webhook_event e JOIN payment_order o ON o.psp_reference = e.object_id
                WHERE o.payment_order_id = ?""").param(orderId).query(Long.class).single();
    }

    private HttpApi.Response send(String body, String signature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return signature == null
                ? anonymous.post(WEBHOOK, bytes, "application/json")
                : anonymous.post(WEBHOOK, bytes, "application/json", "Stripe-Signature", signature);
    }

    private static void assertRejected(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }

    static String sign(String secret, long timestamp, String body) {
        return WebhookSignatures.sign(secret, timestamp, body);
    }

    static String hmac(String secret, long timestamp, String body) {
        return WebhookSignatures.hmac(secret, timestamp, body);
    }
}
