package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.Checkout;
import dev.kassa.client.PaymentOrderStatus;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.Psp;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import dev.kassa.systemtests.support.Webhooks;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * payment-service trusts a PSP webhook only with the PSP's signature over the exact bytes, and applies a
 * genuine one once however often it arrives. The PSP's own deliveries are held back (its webhook outage
 * switch) so that the test delivers the PSP's real event itself: tampered, unsigned, foreign-signed, and twice.
 */
@SystemTest
class PspWebhookTest {

    @Test
    void tamperedWebhookIsRejectedAndADuplicatedOneIsAppliedOnce(Kassa kassa) {
        Ids ids = Ids.forTest("hook");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_async", new Order(ids.order(), seller, "12.34", "EUR"));
        String orderId = checkout.order().paymentOrderId();

        String body;
        String eventId;
        kassa.psp().setFaults(Map.of("webhook_outage", true));
        try {
            kassa.payments().accept(checkout);
            String intentId = kassa.payments().awaitOrder(orderId, "waiting for the PSP's webhook",
                            order -> order.status() == PaymentOrderStatus.EXECUTING && order.pspReference() != null)
                    .pspReference();
            JsonNode event = await("the PSP's payment_intent.succeeded event for " + intentId).atMost(Timeouts.SETTLE)
                    .until(() -> kassa.psp().eventAbout("payment_intent.succeeded", intentId), Optional::isPresent)
                    .orElseThrow();
            eventId = event.path("id").asString();
            body = asDelivered(event);

            String failedInstead = body.replace("\"payment_intent.succeeded\"", "\"payment_intent.payment_failed\"");
            assertThat(failedInstead).isNotEqualTo(body);
            assertRejected(kassa.webhooks().deliver(failedInstead, Webhooks.signature(Psp.WEBHOOK_SECRET, body)));
            assertRejected(kassa.webhooks().deliver(body, Webhooks.signature("whsec_not_the_psps", body)));
            assertRejected(kassa.webhooks().deliver(body, null));
            assertRejected(kassa.webhooks().deliver(body, "t=1,v1=" + "0".repeat(64)));

            assertThat(kassa.payments().order(orderId).status())
                    .as("the order after rejected webhooks").isEqualTo(PaymentOrderStatus.EXECUTING);
            assertThat(kassa.db().count("payment", "SELECT count(*) FROM psp_webhook_event WHERE event_id = ?", eventId))
                    .isZero();

            KassaClient.Response first = kassa.webhooks().deliverSigned(body);
            KassaClient.Response second = kassa.webhooks().deliverSigned(body);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().path("outcome").asString()).isEqualTo("APPLIED");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body().path("outcome").asString()).isEqualTo("DUPLICATE");
        } finally {
            kassa.psp().resetFaults();
        }

        Checkout completed = kassa.payments().awaitCompleted(checkout.checkoutId());
        assertThat(completed.paymentOrders().getFirst().status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        // Once its outage is over the PSP delivers the event itself: a third copy, acknowledged as a duplicate.
        await("the PSP's own delivery of " + eventId).atMost(Timeouts.SETTLE)
                .until(() -> kassa.psp().event(eventId).path("pending_webhooks").asInt(-1) == 0);
        assertThat(kassa.db().rows("payment", "SELECT outcome FROM psp_webhook_event WHERE event_id = ?", eventId))
                .singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("APPLIED"));
        assertThat(kassa.books().walletMovements(seller))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong())
                .containsExactly("CREDIT 1234");
        assertThat(kassa.books().ledgerEntries(orderId)).hasSize(1);
    }

    private static void assertRejected(KassaClient.Response answer) {
        assertThat(answer.status()).as("answer to a bad webhook: " + answer.text()).isEqualTo(400);
        assertThat(answer.body().path("type").asString()).endsWith("invalid-webhook");
    }

    /** The event as the PSP posts it: what its events API shows, without the listing's delivery count. */
    private static String asDelivered(JsonNode listed) {
        ObjectNode event = (ObjectNode) listed.deepCopy();
        event.remove("pending_webhooks");
        return event.toString();
    }
}
