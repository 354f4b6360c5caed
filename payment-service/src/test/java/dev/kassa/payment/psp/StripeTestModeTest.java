package dev.kassa.payment.psp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * PspClient against Stripe itself, in test mode: runs only when {@code KASSA_STRIPE_TEST_SECRET_KEY} holds a
 * {@code sk_test_...} key (never a live one), and is skipped otherwise, as in every build without network. A charge,
 * a decline and a refund with Stripe's test payment methods, configured as README's "Running against a Stripe
 * test-mode account" says.
 */
@EnabledIfEnvironmentVariable(named = StripeTestModeTest.KEY, matches = "sk_test_.+")
class StripeTestModeTest {

    static final String KEY = "KASSA_STRIPE_TEST_SECRET_KEY";

    /** Unique per run: Stripe keeps idempotency keys for 24 hours. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCardIsChargedAndPartlyRefunded() {
        withStripe(stripe -> {
            String orderId = "po_" + run;
            PaymentIntent charged = stripe.createPaymentIntent(1250, "EUR", "pm_card_visa",
                    Map.of("payment_order_id", orderId, "attempt", "1"), orderId + ":1");

            assertThat(charged.succeeded()).as(charged.toString()).isTrue();
            assertThat(charged.id()).startsWith("pi_");
            assertThat(charged.amount()).isEqualTo(1250);
            assertThat(charged.currency()).isEqualTo("EUR");
            assertThat(charged.metadata()).containsEntry("payment_order_id", orderId).containsEntry("attempt", "1");
            assertThat(stripe.getPaymentIntent(charged.id()).succeeded()).isTrue();

            PspRefund refund = stripe.createRefund(charged.id(), 500,
                    Map.of("refund_id", "re_" + run, "payment_order_id", orderId), "re_" + run + ":1");

            assertThat(refund.id()).startsWith("re_");
            assertThat(refund.paymentIntent()).isEqualTo(charged.id());
            assertThat(refund.amount()).isEqualTo(500);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stripe.getRefund(refund.id()).succeeded());
        });
    }

    @Test
    void aDeclinedCardIsADeclineWithStripesCode() {
        withStripe(stripe -> {
            String orderId = "po_declined_" + run;
            PaymentIntent declined = stripe.createPaymentIntent(1250, "EUR", "pm_card_chargeDeclined",
                    Map.of("payment_order_id", orderId, "attempt", "1"), orderId + ":1");

            assertThat(declined.failed()).as(declined.toString()).isTrue();
            assertThat(declined.id()).startsWith("pi_");
            assertThat(declined.failureCode()).isEqualTo("generic_decline");
        });
    }

    private static void withStripe(Consumer<PspClient> calls) {
        PspClientWireFormatTest.pspContext("https://api.stripe.com",
                        "kassa.psp.api-key=" + System.getenv(KEY), "kassa.psp.confirm-without-redirects=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    calls.accept(context.getBean(PspClient.class));
                });
    }
}
