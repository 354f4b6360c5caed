package dev.kassa.payment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.param.PaymentIntentCreateParams;
import dev.kassa.payment.psp.StripeCaptureServer.Answer;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's answers, errors included, as {@link PspClient}'s outcomes: a 402 card_error with the intent is a decline,
 * refusals carry Stripe's most specific code, and what may succeed later with the same key is retryable. The 402
 * body is first read by stripe-java, so that the fixture is the shape Stripe sends.
 */
class PspClientStripeErrorsTest {

    private static final String DECLINED = """
            {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
             "message":"Your card has insufficient funds.","charge":"ch_9",
             "payment_intent":{"id":"pi_9","object":"payment_intent","amount":2999,"currency":"eur",
              "status":"requires_payment_method","latest_charge":"ch_9",
              "metadata":{"payment_order_id":"po_9","attempt":"2"},
              "last_payment_error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
               "message":"Your card has insufficient funds."}}}}""";

    private final StripeCaptureServer stripe = new StripeCaptureServer(request -> Answer.of(500, "{}"));

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aDeclineIsTheDeclinedIntentWithItsDeclineCode() {
        stripe.answer(request -> Answer.of(402, DECLINED));
        CardException asStripeJavaReadsIt = catchThrowableOfType(CardException.class, () -> StripeClient.builder()
                .setApiKey("sk_test_x").setApiBase(stripe.baseUrl()).build().v1().paymentIntents()
                .create(PaymentIntentCreateParams.builder().setAmount(2999L).setCurrency("eur").build()));
        assertThat(asStripeJavaReadsIt.getDeclineCode()).isEqualTo("insufficient_funds");
        assertThat(asStripeJavaReadsIt.getStripeError().getPaymentIntent().getStatus())
                .isEqualTo("requires_payment_method");

        withPspClient(psp -> {
            PaymentIntent declined = psp.createPaymentIntent(2999, "EUR", "pm_card_chargeDeclinedInsufficientFunds",
                    Map.of("payment_order_id", "po_9", "attempt", "2"), "po_9:2");

            assertThat(declined.failed()).isTrue();
            assertThat(declined.id()).isEqualTo("pi_9");
            assertThat(declined.failureCode()).isEqualTo("insufficient_funds");
            assertThat(declined.currency()).isEqualTo("EUR");
            assertThat(declined.amount()).isEqualTo(2999);
        });
    }

    @Test
    void refusalsCarryStripesMostSpecificCode() {
        stripe.answer(request -> Answer.of(400, """
                {"error":{"type":"invalid_request_error","code":"parameter_missing","param":"amount",
                 "message":"Missing required param: amount."}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp))
                .isInstanceOfSatisfying(PspRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("parameter_missing");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("param amount");
                }));

        // idempotency_error has no code: its type is the code.
        stripe.answer(request -> Answer.of(400, """
                {"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with
                 the same parameters they were first used with."}}""".replace("\n", "")));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp))
                .isInstanceOfSatisfying(PspRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("idempotency_error")));

        stripe.answer(request -> Answer.of(402, """
                {"error":{"type":"card_error","code":"card_declined","decline_code":"do_not_honor","message":"No."}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp))
                .isInstanceOfSatisfying(PspRejectedException.class, e -> assertThat(e.code()).isEqualTo("do_not_honor")));

        stripe.answer(request -> Answer.of(404, """
                {"error":{"type":"invalid_request_error","code":"resource_missing","param":"id",
                 "message":"No such refund: 're_x'"}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> psp.getRefund("re_x"))
                .isInstanceOfSatisfying(PspRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("resource_missing")));
    }

    @Test
    void whatMaySucceedLaterWithTheSameKeyIsRetryable() {
        stripe.answer(request -> Answer.of(409, """
                {"error":{"type":"invalid_request_error","code":"idempotency_key_in_use","message":"In use."}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp)).isExactlyInstanceOf(PspRetryableException.class));

        stripe.answer(request -> new Answer(400, """
                {"error":{"type":"invalid_request_error","code":"lock_timeout","message":"Busy."}}""",
                Map.of("Stripe-Should-Retry", "true")));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp)).isExactlyInstanceOf(PspRetryableException.class));

        stripe.answer(request -> Answer.of(401, """
                {"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_*****"}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp)).isExactlyInstanceOf(PspRetryableException.class));

        // Overload and outages also count against the circuit breaker.
        stripe.answer(request -> Answer.of(429, """
                {"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp)).isInstanceOf(PspUnavailableException.class));
        stripe.answer(request -> Answer.of(500, """
                {"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}"""));
        withPspClient(psp -> assertThatThrownBy(() -> charge(psp)).isInstanceOf(PspUnavailableException.class));
    }

    @Test
    void aPendingRefundAndAProcessingIntentWaitForTheirWebhooks() {
        stripe.answer(request -> request.path().startsWith("/v1/refunds")
                ? Answer.of(200, """
                        {"id":"re_7","object":"refund","amount":100,"currency":"usd","status":"pending",
                         "payment_intent":"pi_7","charge":"ch_7","metadata":{}}""")
                : Answer.of(200, """
                        {"id":"pi_7","object":"payment_intent","amount":100,"currency":"usd","status":"processing",
                         "metadata":{}}"""));
        withPspClient(psp -> {
            assertThat(psp.createRefund("pi_7", 100, Map.of("refund_id", "r"), "r:1").pending()).isTrue();
            PaymentIntent processing = psp.getPaymentIntent("pi_7");
            assertThat(processing.pending()).isTrue();
            assertThat(processing.currency()).isEqualTo("USD");
        });
    }

    private static PaymentIntent charge(PspClient psp) {
        return psp.createPaymentIntent(100, "USD", "tok_visa", Map.of("payment_order_id", "po", "attempt", "1"),
                "po:1");
    }

    private void withPspClient(Consumer<PspClient> calls) {
        PspClientWireFormatTest.pspContext(stripe.baseUrl()).run(context -> calls.accept(context.getBean(PspClient.class)));
    }
}
