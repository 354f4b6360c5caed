package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every bad input of the contract gets a 4xx RFC 9457 problem naming the field, and creates nothing.
 */
class CheckoutValidationTest extends PaymentServiceTestBase {

    private static final String VISA_PAN = "4242424242424242";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                bad("checkout_id missing", b -> b.remove("checkout_id"), "checkout_id"),
                bad("checkout_id empty", b -> b.put("checkout_id", ""), "checkout_id"),
                bad("checkout_id 65 chars", b -> b.put("checkout_id", "c".repeat(65)), "checkout_id"),
                bad("checkout_id with a space", b -> b.put("checkout_id", "chk 1"), "checkout_id"),
                bad("checkout_id with a slash", b -> b.put("checkout_id", "chk/1"), "checkout_id"),
                bad("user_id bad", b -> buyer(b).put("user_id", "u:1"), "buyer_info.user_id"),
                bad("buyer_info missing", b -> b.remove("buyer_info"), "buyer_info"),
                bad("email invalid", b -> buyer(b).put("email", "not-an-email"), "buyer_info.email"),
                bad("email missing", b -> buyer(b).remove("email"), "buyer_info.email"),
                bad("token missing", b -> card(b).remove("token"), "credit_card_info.token"),
                bad("token blank", b -> card(b).put("token", " "), "credit_card_info.token"),
                bad("last4 three digits", b -> card(b).put("last4", "424"), "credit_card_info.last4"),
                bad("last4 letters", b -> card(b).put("last4", "abcd"), "credit_card_info.last4"),
                bad("no orders", b -> b.putArray("payment_orders"), "payment_orders"),
                bad("51 orders", CheckoutValidationTest::fiftyOneOrders, "payment_orders"),
                bad("orders missing", b -> b.remove("payment_orders"), "payment_orders"),
                bad("duplicate order id", CheckoutValidationTest::duplicateOrder, "payment_orders[1].payment_order_id"),
                bad("order id bad", b -> order(b).put("payment_order_id", "po#1"), "payment_orders[0].payment_order_id"),
                bad("seller bad", b -> order(b).put("seller_account", ""), "payment_orders[0].seller_account"),
                bad("amount zero", b -> order(b).put("amount", "0"), "payment_orders[0].amount"),
                bad("amount negative", b -> order(b).put("amount", "-1.00"), "payment_orders[0].amount"),
                bad("too many decimals USD", b -> order(b).put("amount", "1.234"), "payment_orders[0].amount"),
                bad("decimals for JPY", b -> order(b).put("amount", "1.5").put("currency", "JPY"), "payment_orders[0].amount"),
                bad("exponent form", b -> order(b).put("amount", "1e3"), "payment_orders[0].amount"),
                bad("comma decimal", b -> order(b).put("amount", "12,00"), "payment_orders[0].amount"),
                bad("unknown currency", b -> order(b).put("currency", "XYZ"), "payment_orders[0].currency"),
                bad("lower-case currency", b -> order(b).put("currency", "usd"), "payment_orders[0].currency"),
                bad("above the maximum", b -> order(b).put("amount", "1000000.00"), "payment_orders[0].amount"),
                bad("amount as a JSON number", b -> order(b).put("amount", 29.99), "payment_orders[0].amount"),
                bad("amount missing", b -> order(b).remove("amount"), "payment_orders[0].amount"),
                bad("PAN as token", b -> card(b).put("token", VISA_PAN), "credit_card_info.token"),
                bad("PAN with spaces in the name", b -> buyer(b).put("name", "Ada 4242 4242 4242 4242"), "buyer_info.name"),
                bad("PAN with dashes in an id", b -> b.put("checkout_id", "4242-4242-4242-4242"), "checkout_id"),
                bad("PAN in the seller", b -> order(b).put("seller_account", "s" + VISA_PAN), "payment_orders[0].seller_account"),
                bad("PAN as a number", b -> card(b).put("last4", Long.parseLong(VISA_PAN)), "credit_card_info.last4"),
                bad("unknown root field", b -> b.put("coupon", "x"), "coupon"),
                bad("unknown nested field", b -> buyer(b).put("age", "33"), "buyer_info.age"),
                bad("unknown field carrying a PAN", b -> card(b).put("number", VISA_PAN), "credit_card_info.number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void isRefusedWithAProblemNamingTheFieldAndCreatesNothing(String name, Consumer<ObjectNode> mutation,
                                                              String field) {
        ObjectNode body = validBody();
        mutation.accept(body);

        HttpApi.Response response = api.postJson("/api/v1/payments", body.toString());

        assertProblem(response, 400, field);
        assertThat(response.body()).as("a card number is never echoed").doesNotContain(VISA_PAN).doesNotContain("4242 4242");
        assertNothingCreated();
    }

    @Test
    void malformedJsonIsA400Problem() {
        assertProblem(api.postJson("/api/v1/payments", "{\"checkout_id\": \"chk_1\","), 400, "body");
        assertProblem(api.postJson("/api/v1/payments", "[]"), 400, "body");
        assertProblem(api.postJson("/api/v1/payments", "null"), 400, "body");
        assertProblem(api.post("/api/v1/payments", new byte[0], "application/json"), 400, "body");
        assertNothingCreated();
    }

    @Test
    void aNonJsonContentTypeIsA415Problem() {
        HttpApi.Response response = api.post("/api/v1/payments", validBody().toString().getBytes(StandardCharsets.UTF_8),
                "text/plain");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertNothingCreated();
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithOrWithoutContentLength() {
        ObjectNode body = validBody();
        buyer(body).put("name", "A".repeat(70 * 1024));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);

        assertProblem(api.post("/api/v1/payments", bytes, "application/json"), 413, "body");

        // Chunked: no Content-Length, the limit applies while reading.
        HttpApi.Response chunked = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertProblem(chunked, 413, "body");
        assertNothingCreated();
    }

    private static final String CHECKOUT_ID = "chk_validation";

    private void assertNothingCreated() {
        assertThat(jdbc.sql("SELECT count(*) FROM checkout WHERE checkout_id IN (?, '4242-4242-4242-4242')")
                .param(CHECKOUT_ID).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE payment_order_id LIKE 'po_validation%'")
                .query(Long.class).single()).isZero();
    }

    static void assertProblem(HttpApi.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(field);
        Iterator<JsonNode> errors = problem.path("errors").values().iterator();
        boolean named = false;
        while (errors.hasNext()) {
            JsonNode error = errors.next();
            named |= error.path("field").asString().equals(field) && !error.path("reason").asString().isBlank();
        }
        assertThat(named).as("an error names %s: %s", field, response.body()).isTrue();
    }

    private static ObjectNode validBody() {
        return (ObjectNode) HttpApi.json().readTree("""
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [{"payment_order_id": "po_validation_1", "seller_account": "seller_1",
                                     "amount": "29.99", "currency": "USD"}]}
                """.formatted(CHECKOUT_ID));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> mutation, String field) {
        return Arguments.of(name, mutation, field);
    }

    private static ObjectNode buyer(ObjectNode body) {
        return (ObjectNode) body.get("buyer_info");
    }

    private static ObjectNode card(ObjectNode body) {
        return (ObjectNode) body.get("credit_card_info");
    }

    private static ObjectNode order(ObjectNode body) {
        return (ObjectNode) body.get("payment_orders").get(0);
    }

    private static void fiftyOneOrders(ObjectNode body) {
        ArrayNode orders = body.putArray("payment_orders");
        for (int i = 0; i < 51; i++) {
            orders.addObject().put("payment_order_id", "po_validation_" + i).put("seller_account", "seller_1")
                    .put("amount", "1.00").put("currency", "USD");
        }
    }

    private static void duplicateOrder(ObjectNode body) {
        ((ArrayNode) body.get("payment_orders")).add(order(body).deepCopy());
    }
}
