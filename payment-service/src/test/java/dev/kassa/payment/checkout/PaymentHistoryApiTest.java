package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/payments}: the payment history, newest first, filtered, paged, and each merchant's own. */
class PaymentHistoryApiTest extends PaymentServiceTestBase {

    @Autowired
    TransactionTemplate transactions;

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
    void amountBoundsKeepCheckoutsWithAnOrderInTheRangeInclusively() {
        TestMerchant merchant = newMerchant();
        String seller = id("seller");
        String twelve = create(merchant, "u_amount", seller, "12.00", "USD", "tok_visa");
        String thirty = create(merchant, "u_amount", seller, "30.00", "USD", "tok_visa");
        String euros = create(merchant, "u_amount", seller, "12.50", "EUR", "tok_visa");
        String yen = create(merchant, "u_amount", seller, "1250", "JPY", "tok_visa");

        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=10.00&amount_max=20.00")))
                .containsExactly(twelve);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=12.00&amount_max=30")))
                .containsExactly(thirty, twelve);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=12.01&amount_max=29.99")))
                .isEmpty();
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=30.00"))).containsExactly(thirty);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_max=12"))).containsExactly(twelve);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=0&amount_max=0.00"))).isEmpty();
        // The bounds are in the currency's own units: 12.50 EUR is 1250 cents, 1250 JPY is 1250 yen.
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=EUR&amount_min=12.5&amount_max=12.50")))
                .containsExactly(euros);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=JPY&amount_min=1250&amount_max=1250")))
                .containsExactly(yen);
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=JPY&amount_max=12"))).isEmpty();
    }

    @Test
    void sellerStatusCurrencyAndAmountDescribeTheSameOrder() {
        TestMerchant merchant = newMerchant();
        String small = id("seller");
        String large = id("seller");
        String checkoutId = id("chk");
        String body = """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_two", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [
                   {"payment_order_id": "%s-po1", "seller_account": "%s", "amount": "5.00", "currency": "USD"},
                   {"payment_order_id": "%s-po2", "seller_account": "%s", "amount": "50.00", "currency": "USD"}]}
                """.formatted(checkoutId, checkoutId, small, checkoutId, large);
        HttpApi.Response created = merchant.api().postJson("/api/v1/payments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(202);

        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=40&seller_account=" + large)))
                .containsExactly(checkoutId);
        // The small seller's order is not in the range and the large one's is not the small seller's.
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_min=40&seller_account=" + small)))
                .isEmpty();
        assertThat(ids(merchant.api().get("/api/v1/payments?currency=USD&amount_max=10&seller_account=" + small)))
                .containsExactly(checkoutId);
    }

    /** Changeset 006: with the order conditions, amounts among them, a merchant's page is still one index range scan. */
    @Test
    void aFilteredPageIsReadThroughTheMerchantsCreationIndex() {
        CheckoutFilter filter = CheckoutFilter.parse(merchant().merchantId(), "u_plan", id("seller"), "succeeded", "USD",
                "10.00", "20.00", "2026-01-01T00:00:00Z", null, null, null);
        CheckoutListing.IdsQuery query = CheckoutListing.idsQuery(filter);
        assertThat(query.sql()).containsOnlyOnce("EXISTS").contains("o.amount_minor >= :amountMin",
                "o.amount_minor <= :amountMax");
        assertThat(query.params()).containsEntry("amountMin", 1000L).containsEntry("amountMax", 2000L);
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + query.sql()).params(query.params())
                    .query(String.class).list());
        });
        assertThat(plan).contains("checkout_merchant_created_idx", "payment_order_checkout_idx");
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

    @Test
    void amountBoundsNeedACurrencyAndItsDecimals() {
        assertThat(refusedFields("amount_min=10")).containsExactly("amount_min");
        assertThat(refusedFields("amount_max=10")).containsExactly("amount_max");
        assertThat(refusedFields("amount_min=10&amount_max=20")).containsExactly("amount_min", "amount_max");
        assertThat(api.get("/api/v1/payments?amount_min=10").json().path("errors").get(0).path("reason").asString())
                .contains("currency");
        assertThat(refusedFields("currency=JPY&amount_min=12.5")).containsExactly("amount_min");
        assertThat(refusedFields("currency=JPY&amount_max=12.0")).containsExactly("amount_max");
        assertThat(refusedFields("currency=USD&amount_min=1.234")).containsExactly("amount_min");
        assertThat(refusedFields("currency=USD&amount_min=-1.00")).containsExactly("amount_min");
        assertThat(refusedFields("currency=USD&amount_max=ten")).containsExactly("amount_max");
        assertThat(refusedFields("currency=USD&amount_max=1e3")).containsExactly("amount_max");
        assertThat(refusedFields("currency=USD&amount_max=1,000.00")).containsExactly("amount_max");
        assertThat(refusedFields("currency=USD&amount_max=" + "9".repeat(30))).containsExactly("amount_max");
        assertThat(refusedFields("currency=USD&amount_min=20.00&amount_max=10.00")).containsExactly("amount_max");
        assertThat(refusedFields("currency=XXX&amount_min=1")).containsExactly("currency");

        HttpApi.Response card = api.get("/api/v1/payments?currency=USD&amount_min=4242424242424242");
        assertThat(card.status()).isEqualTo(400);
        assertThat(card.body()).contains("amount_min").doesNotContain("4242424242424242");
    }

    private List<String> refusedFields(String query) {
        HttpApi.Response response = api.get("/api/v1/payments?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
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
