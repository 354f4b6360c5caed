package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/payments}: the payment history, newest first, filtered, paged, and each merchant's own. */
class PaymentHistoryApiTest extends PaymentServiceTestBase {

    @Test
    void aMerchantPagesThroughItsOwnCheckoutsNewestFirst() {
        TestMerchant merchant = newMerchant();
        String seller = id("seller");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create(merchant, "u_page", seller, "10.00", "USD", "tok_visa"));
        }
        TestMerchant other = newMerchant();
        create(other, "u_page", id("seller"), "10.00", "USD", "tok_visa");

        HttpApi.Response first = merchant.api().get("/api/v1/payments?limit=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(ids(first)).containsExactly(created.get(2), created.get(1));
        String cursor = first.json().path("next_cursor").asString();
        assertThat(cursor).isNotBlank();

        HttpApi.Response second = merchant.api().get("/api/v1/payments?limit=2&cursor=" + cursor);
        assertThat(ids(second)).containsExactly(created.get(0));
        assertThat(second.json().path("next_cursor").isNull()).isTrue();
        JsonNode order = second.json().path("payments").get(0).path("payment_orders").get(0);
        assertThat(order.path("seller_account").asString()).isEqualTo(seller);
        assertThat(order.path("amount").asString()).isEqualTo("10.00");
    }

    @Test
    void filtersNarrowByBuyerSellerStatusCurrencyAndTime() {
        TestMerchant merchant = newMerchant();
        String seller = id("seller");
        String otherSeller = id("seller");
        Instant before = Instant.now().minusSeconds(1);
        String usdByAda = create(merchant, "u_ada", seller, "12.00", "USD", "tok_visa");
        String eurByAda = create(merchant, "u_ada", otherSeller, "7.50", "EUR", "tok_visa");
        String declinedByBob = create(merchant, "u_bob", seller, "3.00", "USD", "tok_chargeDeclined");
        eventually().until(() -> orderStatus(orderOf(declinedByBob)).equals("FAILED"));

        assertThat(ids(merchant.api().get("/api/v1/payments?buyer_user_id=u_ada")))
                .containsExactly(eurByAda, usdByAda);
        assertThat(ids(merchant.api().get("/api/v1/payments?seller_account=" + seller)))
                .containsExactly(declinedByBob, usdByAda);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=EUR"))).containsExactly(eurByAda);
        assertThat(ids(merchant.api().get("/api/v1/payments?status=failed"))).containsExactly(declinedByBob);
        assertThat(ids(merchant.api().get("/api/v1/payments?buyer_user_id=u_ada&currency=USD")))
                .containsExactly(usdByAda);
        assertThat(ids(merchant.api().get("/api/v1/payments?created_from=" + before))).hasSize(3);
        assertThat(ids(merchant.api().get("/api/v1/payments?created_to=" + before))).isEmpty();
    }

    @Test
    void anOperatorListsAnyMerchantsPaymentsAndAMerchantOnlyItsOwn() {
        TestMerchant merchant = newMerchant();
        String checkoutId = create(merchant, "u_op", id("seller"), "5.00", "GBP", "tok_visa");
        TestMerchant other = newMerchant();

        HttpApi.Response byOperator = operator.get("/api/v1/payments?merchant_id=" + merchant.merchantId());
        assertThat(byOperator.status()).as(byOperator.body()).isEqualTo(200);
        assertThat(ids(byOperator)).containsExactly(checkoutId);

        HttpApi.Response forOtherMerchant = other.api().get("/api/v1/payments?merchant_id=" + merchant.merchantId());
        assertThat(forOtherMerchant.status()).isEqualTo(403);
        assertThat(ids(other.api().get("/api/v1/payments"))).doesNotContain(checkoutId);
        assertThat(anonymous.get("/api/v1/payments").status()).isEqualTo(401);
    }

    @Test
    void malformedParametersAreRefusedWithTheirName() {
        assertRefused("status=PAID", "status");
        assertRefused("limit=0", "limit");
        assertRefused("limit=201", "limit");
        assertRefused("currency=usd", "currency");
        assertRefused("created_from=yesterday", "created_from");
        assertRefused("created_from=2026-12-02T00:00:00Z&created_to=2026-12-01T00:00:00Z", "created_to");
        assertRefused("cursor=not-a-cursor", "cursor");
        assertRefused("buyer_user_id=" + "x".repeat(65), "buyer_user_id");
    }

    private void assertRefused(String query, String field) {
        HttpApi.Response response = api.get("/api/v1/payments?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body()).contains(field);
    }

    private String create(TestMerchant merchant, String buyer, String seller, String amount, String currency,
                          String token) {
        String checkoutId = id("chk");
        String body = """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "%s", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "%s", "last4": "4242"},
                 "payment_orders": [{"payment_order_id": "%s", "seller_account": "%s", "amount": "%s", "currency": "%s"}]}
                """.formatted(checkoutId, buyer, token, checkoutId + "-po1", seller, amount, currency);
        HttpApi.Response response = merchant.api().postJson("/api/v1/payments", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return checkoutId;
    }

    private static String orderOf(String checkoutId) {
        return checkoutId + "-po1";
    }

    private static List<String> ids(HttpApi.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("payments").forEach(checkout -> ids.add(checkout.path("checkout_id").asString()));
        return ids;
    }
}
