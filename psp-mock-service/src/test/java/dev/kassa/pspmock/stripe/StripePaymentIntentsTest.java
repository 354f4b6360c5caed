package dev.kassa.pspmock.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PaymentIntents driven by Stripe's official Java client, unchanged but for its API base. */
class StripePaymentIntentsTest extends PspIntegrationTest {

    private StripeClient stripe;

    @BeforeEach
    void client() {
        stripe = StripeSdk.client(port);
    }

    private static PaymentIntentCreateParams.Builder charge(long amount, String paymentMethod) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("eur")
                .setPaymentMethod(paymentMethod).putMetadata("payment_order_id", "po-sdk");
    }

    @Test
    void createWithConfirmCharges() throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(2000, "pm_card_visa").setConfirm(true)
                .putMetadata("attempt", "1").build());

        assertThat(intent.getId()).startsWith("pi_");
        assertThat(intent.getObject()).isEqualTo("payment_intent");
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmount()).isEqualTo(2000);
        assertThat(intent.getAmountReceived()).isEqualTo(2000);
        assertThat(intent.getCurrency()).isEqualTo("eur");
        assertThat(intent.getLatestCharge()).isEqualTo("ch_" + intent.getId().substring(3));
        assertThat(intent.getClientSecret()).startsWith(intent.getId() + "_secret_");
        assertThat(intent.getCaptureMethod()).isEqualTo("automatic");
        assertThat(intent.getConfirmationMethod()).isEqualTo("automatic");
        assertThat(intent.getLivemode()).isFalse();
        assertThat(intent.getPaymentMethod()).isEqualTo("pm_card_visa");
        assertThat(intent.getPaymentMethodTypes()).containsExactly("card");
        assertThat(intent.getMetadata()).containsEntry("payment_order_id", "po-sdk").containsEntry("attempt", "1");
        assertThat(intent.getCreated()).isPositive();
        assertThat(intent.getLastPaymentError()).isNull();
        assertThat(intent.getCanceledAt()).isNull();
    }

    @Test
    void createWithoutConfirmWaitsThenConfirmCharges() throws StripeException {
        PaymentIntent created = stripe.v1().paymentIntents().create(charge(1500, "pm_card_mastercard").build());

        assertThat(created.getStatus()).isEqualTo("requires_confirmation");
        assertThat(created.getAmountReceived()).isZero();
        assertThat(created.getLatestCharge()).isNull();

        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getAmountReceived()).isEqualTo(1500);
        assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void withoutAPaymentMethodItRequiresOneWhichConfirmCanBring() throws StripeException {
        PaymentIntent created = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(900L).setCurrency("eur").build());

        assertThat(created.getStatus()).isEqualTo("requires_payment_method");
        assertThat(created.getPaymentMethod()).isNull();

        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("tok_visa").build());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getPaymentMethod()).isEqualTo("tok_visa");
    }

    @Test
    void aDeclinedConfirmationLeavesItRequiringAPaymentMethodAndAnotherCanSucceed() throws StripeException {
        PaymentIntent created = stripe.v1().paymentIntents().create(charge(700, "pm_card_chargeDeclined").build());

        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(created.getId()))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(e.getCharge()).isEqualTo("ch_" + created.getId().substring(3));
                    assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
                });
        PaymentIntent retried = stripe.v1().paymentIntents().confirm(created.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());

        assertThat(retried.getStatus()).isEqualTo("succeeded");
        assertThat(retried.getLastPaymentError()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
            "pm_card_chargeDeclined, card_declined, generic_decline",
            "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "pm_card_chargeDeclinedLostCard, card_declined, lost_card",
            "pm_card_chargeDeclinedStolenCard, card_declined, stolen_card",
            "pm_card_chargeDeclinedFraudulent, card_declined, fraudulent",
            "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
            "pm_card_chargeDeclinedProcessingError, processing_error, processing_error",
            "tok_chargeDeclined, card_declined, generic_decline",
            "tok_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "tok_chargeDeclinedExpiredCard, expired_card, expired_card",
    })
    void declinesAreCardExceptionsWithStripesDeclineCodes(String paymentMethod, String code, String declineCode) {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(charge(500, paymentMethod).setConfirm(true).build()))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(code);
                    assertThat(e.getDeclineCode()).isEqualTo(declineCode);
                    PaymentIntent declined = e.getStripeError().getPaymentIntent();
                    assertThat(declined.getStatus()).isEqualTo("requires_payment_method");
                    assertThat(declined.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
                    assertThat(declined.getLastPaymentError().getCode()).isEqualTo(code);
                    assertThat(declined.getLastPaymentError().getCharge()).isEqualTo(e.getCharge());
                    assertThat(declined.getLatestCharge()).isEqualTo(e.getCharge());
                });
    }

    @Test
    void asynchronousMethodsAreProcessingThenSucceed() throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(1200, "tok_async").setConfirm(true).build());

        assertThat(intent.getStatus()).isEqualTo("processing");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded"));
    }

    @Test
    void anAsynchronousDeclineOnConfirmIsProcessingThenRequiresAPaymentMethod() throws StripeException {
        PaymentIntent created = stripe.v1().paymentIntents().create(charge(1300, "tok_asyncDeclined").build());

        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId());

        assertThat(confirmed.getStatus()).isEqualTo("processing");
        assertThat(confirmed.getLatestCharge()).isEqualTo("ch_" + created.getId().substring(3));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PaymentIntent resolved = stripe.v1().paymentIntents().retrieve(created.getId());
            assertThat(resolved.getStatus()).isEqualTo("requires_payment_method");
            assertThat(resolved.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");
        });
    }

    @Test
    void cancelBeforeConfirmation() throws StripeException {
        PaymentIntent created = stripe.v1().paymentIntents().create(charge(300, "pm_card_visa").build());

        PaymentIntent canceled = stripe.v1().paymentIntents().cancel(created.getId(),
                PaymentIntentCancelParams.builder()
                        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                        .build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("requested_by_customer");
        assertThat(canceled.getCanceledAt()).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(RECEIVER.deliveriesFor(created.getId())).extracting(d -> d.type())
                        .containsExactly("payment_intent.canceled"));
        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void aSucceededIntentCannotBeCanceled() throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(300, "pm_card_visa").setConfirm(true).build());

        assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
                });
    }

    @Test
    void listPagesNewestFirst() throws StripeException {
        String first = stripe.v1().paymentIntents().create(charge(101, "pm_card_visa").build()).getId();
        String second = stripe.v1().paymentIntents().create(charge(102, "pm_card_visa").build()).getId();
        String third = stripe.v1().paymentIntents().create(charge(103, "pm_card_visa").build()).getId();

        StripeCollection<PaymentIntent> newest = stripe.v1().paymentIntents().list(
                PaymentIntentListParams.builder().setLimit(2L).build());
        StripeCollection<PaymentIntent> older = stripe.v1().paymentIntents().list(
                PaymentIntentListParams.builder().setLimit(1L).setStartingAfter(second).build());
        StripeCollection<PaymentIntent> newer = stripe.v1().paymentIntents().list(
                PaymentIntentListParams.builder().setLimit(5L).setEndingBefore(first).build());

        assertThat(newest.getObject()).isEqualTo("list");
        assertThat(newest.getUrl()).isEqualTo("/v1/payment_intents");
        assertThat(newest.getData()).extracting(PaymentIntent::getId).containsExactly(third, second);
        assertThat(newest.getHasMore()).isTrue();
        assertThat(older.getData()).extracting(PaymentIntent::getId).containsExactly(first);
        assertThat(newer.getData()).extracting(PaymentIntent::getId).containsExactly(third, second);
        assertThat(newer.getHasMore()).isFalse();
    }

    @Test
    void theSameKeyReplaysTheSameIntent() throws StripeException {
        String key = StripeSdk.newKey();
        PaymentIntent first = stripe.v1().paymentIntents().create(charge(4200, "pm_card_visa").setConfirm(true).build(),
                StripeSdk.withKey(key));
        PaymentIntent again = stripe.v1().paymentIntents().create(charge(4200, "pm_card_visa").setConfirm(true).build(),
                StripeSdk.withKey(key));

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aKeyReusedWithOtherParametersIsAnIdempotencyException() throws StripeException {
        String key = StripeSdk.newKey();
        stripe.v1().paymentIntents().create(charge(4200, "pm_card_visa").setConfirm(true).build(),
                StripeSdk.withKey(key));

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(
                charge(4201, "pm_card_visa").setConfirm(true).build(), StripeSdk.withKey(key)))
                .isInstanceOf(IdempotencyException.class);
    }

    @Test
    void badParametersAreInvalidRequestExceptionsNamingTheParameter() {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(charge(0, "pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getParam()).isEqualTo("amount");
                    assertThat(e.getCode()).isEqualTo("amount_too_small");
                });
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(100L).setCurrency("eur").setConfirm(true).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getParam()).isEqualTo("payment_method"));
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(100L).setCurrency("eur").putExtraParam("amount_minor", 100).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getParam()).isEqualTo("amount_minor");
                    assertThat(e.getCode()).isEqualTo("parameter_unknown");
                });
        assertThatThrownBy(() -> stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setLimit(101L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("limit"));
    }

    @Test
    void anUnknownIntentIsResourceMissing() {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_nope"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                });
    }

    @Test
    void expandIsAcceptedInEitherSpelling() throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(250, "pm_card_visa").setConfirm(true)
                .addExpand("latest_charge").build());

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(api.postForm("/v1/payment_intents", StripeSdk.newKey(),
                "amount=250&currency=eur&payment_method=tok_visa&expand[]=latest_charge").status()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIsAnAuthenticationException() {
        StripeClient wrongKey = StripeSdk.client(port, "sk_test_wrong");

        assertThatThrownBy(() -> wrongKey.v1().paymentIntents().retrieve("pi_any"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheApiVersion() throws StripeException {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(100, "pm_card_visa").build());

        assertThat(intent.getLastResponse().requestId()).startsWith("req_");
        assertThat(intent.getLastResponse().headers().firstValue("Stripe-Version")).contains("2025-08-27.basil");
    }
}
