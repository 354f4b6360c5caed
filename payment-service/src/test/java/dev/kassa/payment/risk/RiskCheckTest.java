package dev.kassa.payment.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import dev.kassa.testfixtures.TestKeys;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The risk check end to end, through the API, the executor and the PSP simulator: the block list, the address
 * velocity rule and an amount limit as {@link PaymentServiceTestBase} configures them (the token and buyer rules are
 * {@link RiskRulesTest}'s). A stopped order never reaches the PSP: it goes from NOT_STARTED to FAILED without ever
 * EXECUTING, has no PSP reference and no settlement row.
 */
class RiskCheckTest extends PaymentServiceTestBase {

    private static final String OPERATOR_ACTOR = "operator:test-operator";
    private static final String LIMITED_SELLER = "seller_risk_limited";

    @Test
    void aBlockListedTokenStopsTheChargeBeforeThePspAndTheOrderShowsTheDecision() {
        String token = "tok_visa_" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode block = created(operator.postJson("/admin/risk/blocks", """
                {"kind": "token", "value": "%s", "reason": "card reported stolen"}""".formatted(token)));
        assertThat(block.path("rule").asString()).isEqualTo("block_list");
        assertThat(block.path("created_by").asString()).isEqualTo(OPERATOR_ACTOR);
        assertThat(block.path("active").asBoolean()).isTrue();

        String orderId = checkoutFailing(api, token, "10.00", "USD", null);

        JsonNode order = order(orderId).json();
        assertThat(order.path("failure_code").asString()).isEqualTo(RiskCheck.FAILURE_CODE);
        assertThat(order.path("failure_message").asString()).contains("block_list", "card reported stolen");
        assertThat(order.path("psp_reference").isNull()).isTrue();
        JsonNode decision = order.path("risk_decisions").get(0);
        assertThat(decision.path("rule").asString()).isEqualTo("block_list");
        assertThat(decision.path("block_id").asLong()).isEqualTo(block.path("block_id").asLong());
        assertThat(decision.path("attempt").asInt()).isEqualTo(1);
        assertNeverReachedThePsp(orderId);
    }

    @Test
    void anOperatorsLiftLetsTheRetryThroughIsAuditedAndCannotBeRepeated() {
        String buyer = id("u");
        JsonNode block = created(operator.postJson("/admin/risk/blocks", """
                {"kind": "buyer", "value": "%s", "merchant_id": "%s", "reason": "chargeback fraud"}"""
                .formatted(buyer, merchant().merchantId())));
        String orderId = checkoutFailing(api, "tok_visa", "12.00", "EUR", buyer);
        assertThat(order(orderId).json().path("failure_message").asString()).contains("block_list");
        long blockId = block.path("block_id").asLong();
        // A retry is screened like a new charge: still blocked.
        assertThat(api.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null).status()).isEqualTo(202);
        eventually().until(() -> order(orderId).json().path("risk_decisions").size() == 2);
        assertThat(orderStatus(orderId)).isEqualTo("FAILED");

        assertForbidden(anonymous.as(TestKeys.VIEWER).postJson(lift(blockId), "{\"reason\": \"x\"}"));
        HttpApi.Response lifted = operator.postJson(lift(blockId), "{\"reason\": \"buyer verified by phone\"}");

        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().path("active").asBoolean()).isFalse();
        assertThat(lifted.json().path("lifted_by").asString()).isEqualTo(OPERATOR_ACTOR);
        assertThat(lifted.json().path("lift_reason").asString()).isEqualTo("buyer verified by phone");
        JsonNode audit = operator.get("/admin/audit?target_id=" + blockId).json();
        assertThat(audit.valueStream().map(row -> row.path("action").asString()))
                .containsExactlyInAnyOrder("RISK_BLOCK_ADDED", "RISK_BLOCK_LIFTED");
        assertThat(audit.valueStream().filter(row -> row.path("action").asString().equals("RISK_BLOCK_LIFTED"))
                .map(row -> row.path("actor").asString())).containsExactly(OPERATOR_ACTOR);
        HttpApi.Response again = operator.postJson(lift(blockId), "{\"reason\": \"again\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        assertThat(api.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null).status()).isEqualTo(202);
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        JsonNode passed = order(orderId).json();
        assertThat(passed.path("attempts").asInt()).isEqualTo(3);
        assertThat(passed.path("risk_decisions").valueStream().map(stop -> stop.path("attempt").asInt()))
                .as("attempt 3 passed").containsExactly(1, 2);
    }

    @Test
    void declinesFromOneAddressBlockItUntilTheBlockExpires() {
        String address = "2001:db8::" + Integer.toHexString(Math.abs(UUID.randomUUID().hashCode()) % 0xffff);
        for (int i = 0; i < 2; i++) {
            String declined = checkoutFailing(api, "tok_chargeDeclined", "5.00", "USD", null, address);
            assertThat(order(declined).json().path("failure_code").asString()).isEqualTo("generic_decline");
        }

        String stopped = checkoutFailing(api, "tok_visa", "5.00", "USD", null, address);

        assertThat(order(stopped).json().path("failure_message").asString()).contains("velocity_address");
        assertNeverReachedThePsp(stopped);
        JsonNode blocks = operator.get("/admin/risk/blocks?kind=address&subject=" + address.replace(":", "%3A")).json();
        assertThat(blocks.size()).isEqualTo(1);
        long blockId = blocks.get(0).path("block_id").asLong();
        assertThat(blocks.get(0).path("expires_at").isNull()).isFalse();
        // The base configuration blocks for 3 s.
        eventually().until(() -> !operator.get("/admin/risk/blocks/" + blockId).json().path("active").asBoolean());
        String after = id("po");
        api.postJson("/api/v1/payments", body(id("chk"), after, "tok_visa", "5.00", "USD", "u_1", address));
        eventually().until(() -> orderStatus(after).equals("SUCCEEDED"));
    }

    @Test
    void anAmountAboveTheMerchantsLimitForTheCurrencyIsStoppedAndOneAtTheLimitIsCharged() {
        TestMerchant limited = TestMerchant.create(operator, RISK_LIMITED_MERCHANT);
        String above = id("po");
        limited.api().postJson("/api/v1/payments",
                body(id("chk"), above, LIMITED_SELLER, "tok_visa", "100.01", "GBP", "u_1", null));
        eventually().until(() -> orderStatus(above).equals("FAILED"));
        assertThat(order(above, limited).path("failure_message").asString()).contains("amount_limit", "10001", "10000");

        String atLimit = id("po");
        limited.api().postJson("/api/v1/payments", body(id("chk"), atLimit, LIMITED_SELLER, "tok_visa", "100.00", "GBP", "u_1", null));
        String otherCurrency = id("po");
        limited.api().postJson("/api/v1/payments", body(id("chk"), otherCurrency, LIMITED_SELLER, "tok_visa", "500.00", "USD", "u_1", null));

        eventually().until(() -> orderStatus(atLimit).equals("SUCCEEDED") && orderStatus(otherCurrency).equals("SUCCEEDED"));
    }

    @Test
    void refusesAMalformedBlockAnAddressThatIsNoneAndCallersThatAreNotOperators() {
        assertThat(operator.postJson("/admin/risk/blocks", "{\"kind\": \"card\", \"value\": \"x\", \"reason\": \"r\"}")
                .status()).isEqualTo(400);
        assertThat(operator.postJson("/admin/risk/blocks", "{\"kind\": \"address\", \"value\": \"example.com\", \"reason\": \"r\"}")
                .json().path("errors").get(0).path("field").asString()).isEqualTo("value");
        assertThat(operator.postJson("/admin/risk/blocks", "{\"kind\": \"buyer\", \"value\": \"u_1\", \"reason\": \"r\"}")
                .json().path("errors").get(0).path("field").asString()).isEqualTo("merchant_id");
        HttpApi.Response badCheckout = api.postJson("/api/v1/payments",
                body(id("chk"), id("po"), "tok_visa", "1.00", "USD", "u_1", "256.1.1.1"));
        assertThat(badCheckout.status()).isEqualTo(400);
        assertThat(badCheckout.json().path("errors").get(0).path("field").asString()).isEqualTo("client_address");
        assertThat(operator.get("/admin/risk/blocks/999999999").status()).isEqualTo(404);
        assertThat(operator.get("/admin/risk/blocks/not-a-number").status()).isEqualTo(400);
        assertThat(operator.get("/admin/risk/blocks?limit=0").status()).isEqualTo(400);
        assertThat(operator.get("/admin/risk/blocks?kind=card").status()).isEqualTo(400);
        assertThat(operator.postJson("/admin/risk/blocks/1/lift", "{}").status()).as("a lift needs a reason").isEqualTo(400);
        // Blocks are the operators': a merchant key neither reads nor changes them.
        assertForbidden(api.get("/admin/risk/blocks"));
        assertForbidden(api.postJson("/admin/risk/blocks", "{\"kind\": \"token\", \"value\": \"tok_x\", \"reason\": \"r\"}"));
        assertForbidden(anonymous.as(TestKeys.FINANCE).postJson("/admin/risk/blocks",
                "{\"kind\": \"token\", \"value\": \"tok_x\", \"reason\": \"r\"}"));
    }

    private String checkoutFailing(HttpApi merchantApi, String token, String amount, String currency, String buyer) {
        return checkoutFailing(merchantApi, token, amount, currency, buyer, null);
    }

    /** A checkout of one order that ends FAILED; its order id. */
    private String checkoutFailing(HttpApi merchantApi, String token, String amount, String currency, String buyer,
                                   String address) {
        String orderId = id("po");
        HttpApi.Response response = merchantApi.postJson("/api/v1/payments",
                body(id("chk"), orderId, token, amount, currency, buyer == null ? "u_1" : buyer, address));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        return orderId;
    }

    private static String body(String checkoutId, String orderId, String token, String amount, String currency,
                               String buyer, String address) {
        return body(checkoutId, orderId, "seller_1", token, amount, currency, buyer, address);
    }

    private static String body(String checkoutId, String orderId, String seller, String token, String amount,
                               String currency, String buyer, String address) {
        return """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "%s", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "%s", "last4": "4242"},
                 %s
                 "payment_orders": [{"payment_order_id": "%s", "seller_account": "%s", "amount": "%s", "currency": "%s"}]}
                """.formatted(checkoutId, buyer, token, address == null ? "" : "\"client_address\": \"" + address + "\",",
                orderId, seller, amount, currency);
    }

    private JsonNode order(String orderId, TestMerchant owner) {
        return owner.api().get("/api/v1/payment-orders/" + orderId).json();
    }

    /** It never left NOT_STARTED for EXECUTING, and the PSP settled nothing for it. */
    private void assertNeverReachedThePsp(String orderId) {
        List<String> path = jdbc.sql("SELECT to_status || ':' || cause FROM payment_order_history"
                + " WHERE payment_order_id = ? ORDER BY id").param(orderId).query(String.class).list();
        assertThat(path).containsExactly("NOT_STARTED:API", "FAILED:RISK_CHECK");
        assertThat(psp().settlementRows(orderId)).isEmpty();
    }

    private static JsonNode created(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String lift(long blockId) {
        return "/admin/risk/blocks/" + blockId + "/lift";
    }

    private static void assertForbidden(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
    }
}
