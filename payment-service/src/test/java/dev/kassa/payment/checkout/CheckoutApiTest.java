package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The checkout API contract: answers, Location, idempotency and conflicts (README, "API"). */
class CheckoutApiTest extends PaymentServiceTestBase {

    @Test
    void createAnswers202WithLocationAndTheCheckoutInSnakeCase() {
        String checkoutId = id("chk");
        String first = id("po");
        String second = id("po");
        String body = """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "seller_1", "amount": "29.99", "currency": "USD"},
                   {"payment_order_id": "%s", "seller_account": "seller_2", "amount": "1500", "currency": "JPY"}]}
                """.formatted(checkoutId, first, second);

        HttpApi.Response response = api.postJson("/api/v1/payments", body);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header("Location")).contains("/api/v1/payments/" + checkoutId);
        JsonNode checkout = response.json();
        assertThat(checkout.path("checkout_id").asString()).isEqualTo(checkoutId);
        assertThat(checkout.path("status").asString()).isEqualTo("PROCESSING");
        assertThat(checkout.path("created_at").asString()).isNotBlank();
        JsonNode orders = checkout.path("payment_orders");
        assertThat(orders.size()).isEqualTo(2);
        JsonNode usd = orders.get(0);
        assertThat(usd.path("payment_order_id").asString()).isEqualTo(first);
        assertThat(usd.path("seller_account").asString()).isEqualTo("seller_1");
        assertThat(usd.path("amount").asString()).isEqualTo("29.99");
        assertThat(usd.path("currency").asString()).isEqualTo("USD");
        assertThat(usd.path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(usd.path("wallet_updated").asBoolean()).isFalse();
        assertThat(usd.path("ledger_updated").asBoolean()).isFalse();
        assertThat(usd.has("failure_code")).isTrue();
        assertThat(orders.get(1).path("amount").asString()).isEqualTo("1500");
        // Stored in minor units, with one execution request per order in the same transaction.
        assertThat(jdbc.sql("SELECT amount_minor FROM payment_order WHERE payment_order_id = ?").param(first)
                .query(Long.class).single()).isEqualTo(2999L);
        assertThat(outboxRows(first) + outboxRows(second)).isGreaterThanOrEqualTo(2);

        HttpApi.Response read = api.get("/api/v1/payments/" + checkoutId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("payment_orders").size()).isEqualTo(2);
    }

    @Test
    void theSameBodyAgainAnswers200WithTheCurrentStateAndCreatesNothing() {
        String checkoutId = id("chk");
        String orderId = id("po");
        String body = checkout(checkoutId, orderId, "10.00", "EUR", "tok_visa");
        assertThat(api.postJson("/api/v1/payments", body).status()).isEqualTo(202);
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        // Same content, other formatting and an equal amount written differently: the same request.
        HttpApi.Response again = api.postJson("/api/v1/payments", body.replace("\"10.00\"", "\"10.0\"").replace("\n", " "));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("payment_orders").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.header("Location")).contains("/api/v1/payments/" + checkoutId);
        assertThat(count("SELECT count(*) FROM payment_order WHERE checkout_id = ?", checkoutId)).isEqualTo(1);
        assertThat(psp().settlementRows(orderId)).hasSize(1);
    }

    @Test
    void theSameCheckoutIdWithAnotherBodyIsAConflict() {
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "10.00", "EUR", "tok_visa"));

        HttpApi.Response conflict = api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "11.00", "EUR", "tok_visa"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("errors").get(0).path("field").asString()).isEqualTo("checkout_id");
        assertThat(jdbc.sql("SELECT amount_minor FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(Long.class).single()).isEqualTo(1000L);
    }

    @Test
    void aPaymentOrderIdOfAnotherCheckoutIsAConflictAndNothingIsCreated() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "10.00", "EUR", "tok_visa"));
        String otherCheckout = id("chk");

        HttpApi.Response conflict = api.postJson("/api/v1/payments", checkout(otherCheckout, orderId, "10.00", "EUR", "tok_visa"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("errors").get(0).path("field").asString())
                .isEqualTo("payment_orders[0].payment_order_id");
        assertThat(count("SELECT count(*) FROM checkout WHERE checkout_id = ?", otherCheckout)).isZero();
        assertThat(api.get("/api/v1/payments/" + otherCheckout).status()).isEqualTo(404);
    }

    @Test
    void oneHundredConcurrentIdenticalRequestsCreateOneCheckout() throws Exception {
        String checkoutId = id("chk");
        String orderId = id("po");
        String body = checkout(checkoutId, orderId, "7.77", "USD", "tok_visa");
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requests.add(() -> api.postJson("/api/v1/payments", body).status());
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : clients.invokeAll(requests)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200, 202);
        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(count("SELECT count(*) FROM checkout WHERE checkout_id = ?", checkoutId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_order WHERE checkout_id = ?", checkoutId)).isEqualTo(1);
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        assertThat(psp().settlementRows(orderId)).hasSize(1);
    }

    @Test
    void unknownIdsAre404Problems() {
        HttpApi.Response checkout = api.get("/api/v1/payments/" + id("chk"));
        assertThat(checkout.status()).isEqualTo(404);
        assertThat(checkout.contentType()).startsWith("application/problem+json");
        assertThat(checkout.json().path("errors").get(0).path("field").asString()).isEqualTo("checkout_id");

        HttpApi.Response order = api.get("/api/v1/payment-orders/" + id("po"));
        assertThat(order.status()).isEqualTo(404);
        assertThat(order.json().path("errors").get(0).path("field").asString()).isEqualTo("payment_order_id");
    }

    private long outboxRows(String key) {
        return count("SELECT count(*) FROM outbox_message WHERE message_key = ?", key);
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
