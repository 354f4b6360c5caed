package dev.kassa.pspmock.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds driven by Stripe's official Java client. */
class StripeRefundsTest extends PspIntegrationTest {

    private StripeClient stripe;

    @BeforeEach
    void client() {
        stripe = StripeSdk.client(port);
    }

    private PaymentIntent charged(long amount, String paymentMethod) throws StripeException {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency("eur").setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("payment_order_id", "po-refund-sdk").build());
    }

    @Test
    void createRetrieveAndList() throws StripeException {
        PaymentIntent intent = charged(5000, "pm_card_visa");

        Refund first = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(1000L).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("refund_id", "rf-1").putMetadata("payment_order_id", "po-refund-sdk").build());
        Refund second = stripe.v1().refunds().create(RefundCreateParams.builder()
                .setCharge(intent.getLatestCharge()).setAmount(1500L).build());
        Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).build());

        assertThat(first.getId()).startsWith("re_");
        assertThat(first.getObject()).isEqualTo("refund");
        assertThat(first.getStatus()).isEqualTo("succeeded");
        assertThat(first.getAmount()).isEqualTo(1000);
        assertThat(first.getCurrency()).isEqualTo("eur");
        assertThat(first.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(first.getCharge()).isEqualTo(intent.getLatestCharge());
        assertThat(first.getReason()).isEqualTo("requested_by_customer");
        assertThat(first.getFailureReason()).isNull();
        assertThat(first.getMetadata()).containsEntry("refund_id", "rf-1");
        assertThat(first.getCreated()).isPositive();
        assertThat(second.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(rest.getAmount()).isEqualTo(2500);
        assertThat(stripe.v1().refunds().retrieve(first.getId()).getAmount()).isEqualTo(1000);

        StripeCollection<Refund> page = stripe.v1().refunds().list(RefundListParams.builder()
                .setPaymentIntent(intent.getId()).setLimit(2L).build());
        StripeCollection<Refund> next = stripe.v1().refunds().list(RefundListParams.builder()
                .setPaymentIntent(intent.getId()).setLimit(2L).setStartingAfter(second.getId()).build());

        assertThat(page.getData()).extracting(Refund::getId).containsExactly(rest.getId(), second.getId());
        assertThat(page.getHasMore()).isTrue();
        assertThat(page.getUrl()).isEqualTo("/v1/refunds");
        assertThat(next.getData()).extracting(Refund::getId).containsExactly(first.getId());
        assertThat(next.getHasMore()).isFalse();
    }

    @Test
    void aRefundOfAnAsyncPaymentIsPendingThenSucceeds() throws StripeException {
        PaymentIntent intent = charged(3000, "tok_async");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus().equals("succeeded"));

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).build());

        assertThat(refund.getStatus()).isEqualTo("pending");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                stripe.v1().refunds().retrieve(refund.getId()).getStatus().equals("succeeded"));
    }

    @Test
    void refusalsAreInvalidRequestExceptionsNamingTheParameter() throws StripeException {
        PaymentIntent intent = charged(1000, "pm_card_visa");

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).setAmount(1001L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getParam()).isEqualTo("amount");
                    assertThat(e.getCode()).isEqualTo("amount_too_large");
                });
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent("pi_unknown").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getParam()).isEqualTo("payment_intent");
                });
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setCharge("ch_unknown").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("charge"));
        assertThatThrownBy(() -> stripe.v1().refunds().retrieve("re_unknown"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                });
    }
}
