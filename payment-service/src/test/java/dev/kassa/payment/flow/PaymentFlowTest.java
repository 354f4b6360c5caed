package dev.kassa.payment.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The flow of one payment against the real PSP simulator: API → outbox → executor → PSP → result →
 * {@code payment.results}, synchronously, asynchronously by webhook, declined, and through a lost response.
 */
class PaymentFlowTest extends PaymentServiceTestBase {

    @Test
    void aCardThatSucceedsEndsSucceededWithOneResultEvent() {
        String checkoutId = id("chk");
        String orderId = id("po");

        HttpApi.Response created = api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "29.99", "USD", "tok_visa"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);

        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        JsonNode order = order(orderId).json();
        assertThat(order.path("attempts").asInt()).isEqualTo(1);
        assertThat(order.path("psp_reference").asString()).startsWith("pi_");
        assertThat(order.path("failure_code").isNull()).isTrue();

        eventually().until(() -> !paymentResults().forKey(orderId).isEmpty());
        List<SpecificRecord> results = paymentResults().forKey(orderId);
        assertThat(results).hasSize(1);
        PaymentOrderSucceeded succeeded = (PaymentOrderSucceeded) results.getFirst();
        assertThat(succeeded.getCheckoutId()).isEqualTo(checkoutId);
        assertThat(succeeded.getSellerAccount()).isEqualTo("seller_1");
        assertThat(succeeded.getMerchantId()).as("wallet and ledger learn the seller's merchant from it")
                .isEqualTo(merchant().merchantId());
        assertThat(succeeded.getAmountMinor()).isEqualTo(2999);
        assertThat(succeeded.getCurrency()).isEqualTo("USD");
        assertThat(succeeded.getPspReference()).isEqualTo(order.path("psp_reference").asString());
        assertThat(succeeded.getEventId()).isNotBlank();
        assertThat(psp().settlementRows(orderId)).hasSize(1);
    }

    @Test
    void aDeclineFailsTheOrderWithTheDeclineCodeAndIsNotRetried() {
        String checkoutId = id("chk");
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "10.00", "EUR", "tok_chargeDeclinedInsufficientFunds"));

        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        JsonNode order = order(orderId).json();
        assertThat(order.path("failure_code").asString()).isEqualTo("insufficient_funds");
        assertThat(order.path("attempts").asInt()).isEqualTo(1);
        eventually().until(() -> !paymentResults().forKey(orderId).isEmpty());
        PaymentOrderFailed failed = (PaymentOrderFailed) paymentResults().forKey(orderId).getFirst();
        assertThat(failed.getFailureCode()).isEqualTo("insufficient_funds");
        assertThat(failed.getAmountMinor()).isEqualTo(1000);
        // A declined checkout has nothing left to confirm: it is complete.
        eventually().until(() -> api.get("/api/v1/payments/" + checkoutId).json().path("status").asString()
                .equals("COMPLETED"));
        assertThat(psp().settlementRows(orderId)).isEmpty();
    }

    @Test
    void anAsynchronousChargeSucceedsByWebhook() {
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "5000", "JPY", "tok_async"));

        // The PSP answers "processing" first: the order waits in EXECUTING with its intent id.
        eventually().until(() -> jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?")
                .param(orderId).query(String.class).optional().isPresent());
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        assertThat(webhookOutcomes(orderId)).contains("APPLIED");
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(((PaymentOrderSucceeded) paymentResults().forKey(orderId).getFirst()).getAmountMinor()).isEqualTo(5000);
    }

    @Test
    void anAsynchronousDeclineFailsByWebhook() {
        String orderId = id("po");

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "12.50", "USD", "tok_asyncDeclined"));

        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        assertThat(webhookOutcomes(orderId)).contains("APPLIED");
        assertThat(order(orderId).json().path("failure_code").asString()).isNotBlank();
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(paymentResults().forKey(orderId).getFirst()).isInstanceOf(PaymentOrderFailed.class);
    }

    @Test
    void aLostResponseIsRetriedWithTheSameKeyAndChargesOnce() {
        String orderId = id("po");
        // The PSP charges, then the response is replaced by a 500; its replay for the same key is not. The
        // webhook is held back, so only the executor's retry (through the retry topic) can learn the result.
        psp().faults("response_lost_rate", 1.0, "webhook_delay_ms", 60_000);

        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "42.00", "USD", "tok_visa"));

        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        assertThat(webhookOutcomes(orderId)).as("no webhook took part").isEmpty();
        assertThat(psp().settlementRows(orderId)).as("one charge at the PSP").hasSize(1);
        assertThat(order(orderId).json().path("attempts").asInt()).isEqualTo(1);
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
    }

    /** The outcomes recorded for webhooks about this order's intents. */
    private List<String> webhookOutcomes(String orderId) {
        return jdbc.sql("""
                SELECT e.outcome FROM psp_webhook_event e JOIN payment_order o ON o.psp_reference = e.object_id
                WHERE o.payment_order_id = ?""").param(orderId).query(String.class).list();
    }
}
