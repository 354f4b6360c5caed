package dev.kassa.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/payments/{id}/receipt}: per order and per currency what was charged and given back. */
class ReceiptApiTest extends PaymentServiceTestBase {

    @Test
    void aReceiptTotalsEachCurrencyNetOfSucceededRefunds() {
        String checkoutId = id("chk");
        String usd = id("po");
        String eur = id("po");
        HttpApi.Response created = api.postJson("/api/v1/payments", """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_receipt", "email": "ada@example.com", "name": "Ada O'Brien & Co"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "seller_1", "amount": "29.99", "currency": "USD"},
                   {"payment_order_id": "%s", "seller_account": "seller_1", "amount": "15.50", "currency": "EUR"}]}
                """.formatted(checkoutId, usd, eur));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        eventually().until(() -> orderStatus(usd).equals("SUCCEEDED") && orderStatus(eur).equals("SUCCEEDED"));
        String refundId = id("re");
        assertThat(api.postJson("/api/v1/payment-orders/" + usd + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"10.00\"}").status()).isEqualTo(202);
        eventually().until(() -> order(usd).json().path("refunded_amount").asString().equals("10.00"));

        HttpApi.Response response = api.get("/api/v1/payments/" + checkoutId + "/receipt");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode receipt = response.json();
        assertThat(receipt.path("checkout_id").asString()).isEqualTo(checkoutId);
        assertThat(receipt.path("merchant").path("merchant_id").asString()).isEqualTo(merchant().merchantId());
        assertThat(receipt.path("buyer").path("email").asString()).isEqualTo("ada@example.com");
        assertThat(receipt.path("card_last4").asString()).isEqualTo("4242");
        JsonNode usdLine = receipt.path("payment_orders").get(0);
        assertThat(usdLine.path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(usdLine.path("refunded_amount").asString()).isEqualTo("10.00");
        assertThat(usdLine.path("refunds").get(0).path("refund_id").asString()).isEqualTo(refundId);
        assertThat(receipt.path("totals").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"charged\":\"15.50\",\"refunded\":\"0.00\",\"net\":\"15.50\"},"
                        + "{\"currency\":\"USD\",\"charged\":\"29.99\",\"refunded\":\"10.00\",\"net\":\"19.99\"}]");

        HttpApi.Response page = api.get("/api/v1/payments/" + checkoutId + "/receipt",
                "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Receipt</h1>", checkoutId, "Card ending in 4242", "19.99",
                "Ada O&#39;Brien &amp; Co").doesNotContain("O'Brien & Co");
    }

    @Test
    void anotherMerchantsReceiptIsNotFoundAndAnonymousCallersAreRefused() {
        String checkoutId = id("chk");
        api.postJson("/api/v1/payments", checkout(checkoutId, id("po"), "5.00", "USD", "tok_visa"));

        assertThat(newMerchant().api().get("/api/v1/payments/" + checkoutId + "/receipt").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/payments/" + checkoutId + "/receipt").status()).isEqualTo(401);
        assertThat(operator.get("/api/v1/payments/" + checkoutId + "/receipt").status()).isEqualTo(200);
        HttpApi.Response badId = api.get("/api/v1/payments/chk%20bad/receipt");
        assertThat(badId.status()).as(badId.body()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");
    }

    @Test
    void htmlOnlyWhenTheCallerPrefersIt() {
        assertThat(ReceiptController.wantsHtml("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
        assertThat(ReceiptController.wantsHtml("application/json, text/html;q=0.5")).isFalse();
        assertThat(ReceiptController.wantsHtml("*/*")).isFalse();
        assertThat(ReceiptController.wantsHtml(null)).isFalse();
        assertThat(ReceiptController.wantsHtml("text/html;q=0.9, application/json;q=0.1")).isTrue();
    }
}
