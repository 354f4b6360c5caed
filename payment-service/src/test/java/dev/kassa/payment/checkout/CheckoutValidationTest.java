package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.kassa.messaging.deadletter.DeadLetterController;
import dev.kassa.messaging.deadletter.DeadLetterService;
import dev.kassa.payment.PaymentServiceConfiguration;
import dev.kassa.payment.access.PaymentAccessRules;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.orderapi.PaymentOrderController;
import dev.kassa.payment.orderapi.PaymentOrderService;
import dev.kassa.payment.orderapi.RefundService;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractResultHandler;
import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.KassaRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every bad input of the checkout contract gets a 4xx RFC 9457 problem naming the field, and reaches no
 * service (so creates nothing). A slice of the web layer: no Kafka, no PostgreSQL; the service's access rules
 * with one merchant key that needs no database ({@link SliceMerchantKey}).
 */
@WebMvcTest(controllers = {CheckoutController.class, PaymentOrderController.class})
@Import({PaymentServiceConfiguration.class, PaymentAccessRules.class, DeadLetterController.class})
@Tag("fast")
class CheckoutValidationTest {

    private static final String VISA_PAN = "4242424242424242";
    private static final String MERCHANT_KEY = "sk_test_slice0000000000000000000000000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc http;
    @MockitoBean
    CheckoutService checkouts;
    @MockitoBean
    CheckoutListing listing;
    @MockitoBean
    PaymentOrderService orders;
    @MockitoBean
    RefundService refunds;
    @MockitoBean
    DeadLetterService deadLetters;

    /**
     * The merchant keys of this slice: one, of merchant m_slice, instead of the table of the real service; the
     * dead-letter rules, which come with the messaging library's auto-configuration that this slice leaves out; and
     * every exchange checked against docs/api/payment-service.json, refusals included.
     */
    @TestConfiguration
    static class SliceMerchantKey {

        @Bean
        MockMvcBuilderCustomizer apiContract() {
            return builder -> builder.alwaysDo(ContractResultHandler.of("payment-service"));
        }

        @Bean
        KassaAccessRules deadLetterRules() {
            return rules -> rules.requestMatchers("/admin/dead-letters", "/admin/dead-letters/**")
                    .hasRole(KassaRole.OPERATOR.name());
        }

        @Bean
        BearerKeys sliceMerchantKey() {
            return new BearerKeys() {
                @Override
                public boolean claims(String key) {
                    return key.startsWith("sk_");
                }

                @Override
                public Optional<KassaActor> authenticate(String key) {
                    return MERCHANT_KEY.equals(key) ? Optional.of(KassaActor.merchant("m_slice", "sk_test_slic"))
                            : Optional.empty();
                }
            };
        }
    }

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
                bad("name blank", b -> buyer(b).put("name", "  "), "buyer_info.name"),
                bad("name too long", b -> buyer(b).put("name", "A".repeat(201)), "buyer_info.name"),
                bad("NUL in the name", b -> buyer(b).put("name", "Ada\u0000"), "buyer_info.name"),
                bad("escape in the email", b -> buyer(b).put("email", "a\u001b@example.com"), "buyer_info.email"),
                bad("token missing", b -> card(b).remove("token"), "credit_card_info.token"),
                bad("token blank", b -> card(b).put("token", " "), "credit_card_info.token"),
                bad("last4 three digits", b -> card(b).put("last4", "424"), "credit_card_info.last4"),
                bad("last4 letters", b -> card(b).put("last4", "abcd"), "credit_card_info.last4"),
                bad("no orders", b -> b.putArray("payment_orders"), "payment_orders"),
                bad("51 orders", CheckoutValidationTest::fiftyOneOrders, "payment_orders"),
                bad("orders missing", b -> b.remove("payment_orders"), "payment_orders"),
                bad("a null order", b -> ((ArrayNode) b.get("payment_orders")).addNull(), "payment_orders[1]"),
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
                bad("currency missing", b -> order(b).remove("currency"), "payment_orders[0].currency"),
                bad("above the maximum", b -> order(b).put("amount", "1000000.00"), "payment_orders[0].amount"),
                bad("amount as a JSON number", b -> order(b).put("amount", 29.99), "payment_orders[0].amount"),
                bad("amount missing", b -> order(b).remove("amount"), "payment_orders[0].amount"),
                bad("PAN as the amount", b -> order(b).put("amount", VISA_PAN), "payment_orders[0].amount"),
                bad("PAN as token", b -> card(b).put("token", VISA_PAN), "credit_card_info.token"),
                bad("PAN with spaces in the name", b -> buyer(b).put("name", "Ada 4242 4242 4242 4242"), "buyer_info.name"),
                bad("PAN with dots in the name", b -> buyer(b).put("name", "Ada 4242.4242.4242.4242"), "buyer_info.name"),
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
                                                              String field) throws Exception {
        ObjectNode body = validBody();
        mutation.accept(body);

        MockHttpServletResponse response = send(postJson("/api/v1/payments", body.toString()));

        assertProblem(response, 400, field);
        assertThat(response.getContentAsString()).as("a card number is never echoed")
                .doesNotContain(VISA_PAN).doesNotContain("4242 4242").doesNotContain("4242.4242");
        verifyNoInteractions(checkouts);
    }

    @Test
    void aValidCheckoutReachesTheServiceWithAmountsInMinorUnits() throws Exception {
        when(checkouts.create(any())).thenReturn(new CheckoutService.Outcome(
                new CheckoutView("chk_validation", "PROCESSING", List.of(new CheckoutView.PaymentOrderSummary(
                        "po_validation_1", "seller_1", "29.99", "USD", "NOT_STARTED", false, false, null)),
                        Instant.now()), true));

        MockHttpServletResponse response = send(postJson("/api/v1/payments", validBody().toString()));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/payments/chk_validation");
        ArgumentCaptor<NewCheckout> created = ArgumentCaptor.forClass(NewCheckout.class);
        verify(checkouts).create(created.capture());
        assertThat(created.getValue().paymentOrders()).extracting(NewPaymentOrder::amountMinor)
                .containsExactly(2999L);
        assertThat(created.getValue().requestHash()).isNotBlank();
        assertThat(created.getValue().merchantId()).isEqualTo("m_slice");
    }

    @Test
    void aDuplicateKeyIsRefusedInsteadOfTheLastOneWinning() throws Exception {
        String body = validBody().toString().replace("\"amount\":\"29.99\"", "\"amount\":\"1.00\",\"amount\":\"9999.00\"");
        assertThat(body).contains("9999.00");

        assertProblem(send(postJson("/api/v1/payments", body)), 400, "body");
        verifyNoInteractions(checkouts);
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        assertProblem(send(postJson("/api/v1/payments", "{\"checkout_id\": \"chk_1\",")), 400, "body");
        assertProblem(send(postJson("/api/v1/payments", "[]")), 400, "body");
        assertProblem(send(postJson("/api/v1/payments", "null")), 400, "body");
        assertProblem(send(postJson("/api/v1/payments", "")), 400, "body");
        verifyNoInteractions(checkouts);
    }

    @Test
    void aNonJsonContentTypeIsA415Problem() throws Exception {
        MockHttpServletResponse response = send(post("/api/v1/payments").contentType(MediaType.TEXT_PLAIN)
                .content(validBody().toString()));
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        verifyNoInteractions(checkouts);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        ObjectNode body = validBody();
        buyer(body).put("name", "A".repeat(70 * 1024));

        assertProblem(send(post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON)
                .content(body.toString().getBytes(StandardCharsets.UTF_8))), 413, "body");
        verifyNoInteractions(checkouts);
    }

    @Test
    void pathIdsFollowTheIdRuleAndACardNumberInThePathIsNeverEchoed() throws Exception {
        assertProblem(send(get("/api/v1/payments/chk:1")), 400, "checkout_id");
        MockHttpServletResponse pan = send(get("/api/v1/payments/4242-4242-4242-4242"));
        assertProblem(pan, 400, "checkout_id");
        assertThat(pan.getContentAsString()).doesNotContain("4242-4242").contains("card-number-removed");
        // Encoded once, as a client sends it (a template string would encode the '%' again, which the firewall refuses).
        assertProblem(send(post(URI.create("/api/v1/payment-orders/po%20bad/retry"))), 400, "payment_order_id");
        assertProblem(send(postJson("/api/v1/payment-orders/" + VISA_PAN + "/refunds",
                "{\"refund_id\": \"re_1\", \"amount\": \"1.00\"}")), 400, "payment_order_id");
        verifyNoInteractions(checkouts, orders, refunds);
    }

    @Test
    void aRefundBodyIsValidatedBeforeTheServiceIsAsked() throws Exception {
        assertProblem(send(postJson("/api/v1/payment-orders/po_1/refunds", "{\"refund_id\": \"re bad\", \"amount\": \"1.00\"}")),
                400, "refund_id");
        assertProblem(send(postJson("/api/v1/payment-orders/po_1/refunds", "{\"refund_id\": \"re_1\"}")), 400, "amount");
        assertProblem(send(postJson("/api/v1/payment-orders/po_1/refunds",
                "{\"refund_id\": \"re_1\", \"amount\": \"1.00\", \"reason\": \"x\"}")), 400, "reason");
        assertProblem(send(postJson("/api/v1/payment-orders/po_1/refunds", "{\"refund_id\": \"re_1\", \"amount\": 1.00}")),
                400, "amount");
        verifyNoInteractions(refunds);
    }

    /** The messaging library's endpoints share this service's one advice: bad input is a 400, not a 500. */
    @Test
    void deadLetterInputErrorsAreProblemsOfTheSameShape() throws Exception {
        assertProblem(send(TestKeys.OPERATOR, get("/admin/dead-letters")), 400, "topic");
        assertProblem(send(TestKeys.OPERATOR, postJson("/admin/dead-letters/replay",
                "{\"topic\": \"t\", \"to_offset\": -1}")), 400, "to_offset");
        verifyNoInteractions(deadLetters);
    }

    /** As the slice's merchant. */
    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return send(MERCHANT_KEY, request);
    }

    private MockHttpServletResponse send(String key, MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request.header("Authorization", TestKeys.bearer(key))).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        String text = response.getContentAsString();
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(text);
        assertThat(problem.path("type").asString()).startsWith("https://kassa.dev/problems/");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(field);
        List<JsonNode> errors = problem.path("errors").valueStream().toList();
        assertThat(errors).as("an error names %s: %s", field, text)
                .anyMatch(error -> error.path("field").asString().equals(field)
                        && !error.path("reason").asString().isBlank());
    }

    private static ObjectNode validBody() {
        return (ObjectNode) JSON.readTree("""
                {"checkout_id": "chk_validation",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [{"payment_order_id": "po_validation_1", "seller_account": "seller_1",
                                     "amount": "29.99", "currency": "USD"}]}
                """);
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
