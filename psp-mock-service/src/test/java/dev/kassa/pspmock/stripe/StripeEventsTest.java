package dev.kassa.pspmock.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import dev.kassa.pspmock.support.WebhookReceiver.Delivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events listed and retrieved with Stripe's client, and the webhooks psp-mock delivers verified by it. */
class StripeEventsTest extends PspIntegrationTest {

    private StripeClient stripe;

    @BeforeEach
    void client() {
        stripe = StripeSdk.client(port);
    }

    private PaymentIntentCreateParams charge(long amount, String paymentMethod) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("eur")
                .setPaymentMethod(paymentMethod).setConfirm(true).putMetadata("payment_order_id", "po-events").build();
    }

    private static Delivery deliveryOf(String objectId, String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.deliveriesFor(objectId).stream()
                .filter(d -> d.type().equals(type)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void webhooksPassWebhookConstructEventWithEitherSecretOfARotation() throws Exception {
        String key = StripeSdk.newKey();
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(1234, "pm_card_visa"), StripeSdk.withKey(key));

        Delivery delivery = deliveryOf(intent.getId(), "payment_intent.succeeded");
        Event event = Webhook.constructEvent(delivery.body(), delivery.signature(), WEBHOOK_SECRET);
        Event sameWithNextSecret = Webhook.constructEvent(delivery.body(), delivery.signature(), NEXT_WEBHOOK_SECRET);

        assertThat(event.getId()).startsWith("evt_").isEqualTo(sameWithNextSecret.getId());
        assertThat(event.getObject()).isEqualTo("event");
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getApiVersion()).isEqualTo("2025-08-27.basil");
        assertThat(event.getLivemode()).isFalse();
        assertThat(event.getPendingWebhooks()).isEqualTo(1);
        assertThat(event.getRequest().getIdempotencyKey()).isEqualTo(key);
        assertThat(event.getRequest().getId()).startsWith("req_").isEqualTo(intent.getLastResponse().requestId());
        // The SDK deserializes data.object only when the event's api_version is its own.
        PaymentIntent object = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object.getId()).isEqualTo(intent.getId());
        assertThat(object.getStatus()).isEqualTo("succeeded");
        assertThatThrownBy(() -> Webhook.constructEvent(delivery.body(), delivery.signature(), "whsec_wrong"))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aDeclineIsAnnouncedWithTheLastPaymentError() throws Exception {
        String id;
        try {
            stripe.v1().paymentIntents().create(charge(500, "pm_card_chargeDeclinedInsufficientFunds"));
            throw new AssertionError("expected a decline");
        } catch (com.stripe.exception.CardException declined) {
            id = declined.getStripeError().getPaymentIntent().getId();
        }

        Delivery delivery = deliveryOf(id, "payment_intent.payment_failed");
        Event event = Webhook.constructEvent(delivery.body(), delivery.signature(), WEBHOOK_SECRET);

        PaymentIntent failed = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
        assertThat(failed.getLastPaymentError().getDeclineCode()).isEqualTo("insufficient_funds");
        assertThat(failed.getLastPaymentError().getType()).isEqualTo("card_error");
    }

    @Test
    void refundsAreAnnouncedAsRefundCreatedAndChargeRefunded() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(charge(3000, "pm_card_visa"));
        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(3000L).build());

        Delivery created = deliveryOf(refund.getId(), "refund.created");
        Delivery chargeRefunded = deliveryOf(intent.getLatestCharge(), "charge.refunded");
        Refund announced = (Refund) Webhook.constructEvent(created.body(), created.signature(), WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject().orElseThrow();
        Charge charge = (Charge) Webhook.constructEvent(chargeRefunded.body(), chargeRefunded.signature(),
                WEBHOOK_SECRET).getDataObjectDeserializer().getObject().orElseThrow();

        assertThat(announced.getStatus()).isEqualTo("succeeded");
        assertThat(announced.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(charge.getId()).isEqualTo(intent.getLatestCharge());
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(charge.getAmountRefunded()).isEqualTo(3000);
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getCurrency()).isEqualTo("eur");
        assertThat(RECEIVER.deliveries()).extracting(Delivery::type).doesNotContain("refund.succeeded");
    }

    @Test
    void listByTypeWithPagingAndRetrieve() throws StripeException {
        String first = stripe.v1().paymentIntents().create(charge(111, "pm_card_visa")).getId();
        String second = stripe.v1().paymentIntents().create(charge(112, "pm_card_visa")).getId();
        deliveryOf(second, "payment_intent.succeeded");

        StripeCollection<Event> page = stripe.v1().events().list(EventListParams.builder()
                .setType("payment_intent.succeeded").setLimit(1L).build());
        Event newest = page.getData().getFirst();
        StripeCollection<Event> next = stripe.v1().events().list(EventListParams.builder()
                .setType("payment_intent.succeeded").setLimit(1L).setStartingAfter(newest.getId()).build());
        Event retrieved = stripe.v1().events().retrieve(newest.getId());

        assertThat(page.getHasMore()).isTrue();
        assertThat(((PaymentIntent) newest.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(second);
        assertThat(((PaymentIntent) next.getData().getFirst().getDataObjectDeserializer().getObject().orElseThrow())
                .getId()).isEqualTo(first);
        assertThat(retrieved.getId()).isEqualTo(newest.getId());
        assertThat(retrieved.getApiVersion()).isEqualTo("2025-08-27.basil");
        assertThat(List.of(page.getData().size(), next.getData().size())).containsOnly(1);
    }

    @Test
    void listLimitIsCappedAt100AndUnknownEventsAreMissing() {
        assertThatThrownBy(() -> stripe.v1().events().list(EventListParams.builder().setLimit(101L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("limit");
                });
        assertThatThrownBy(() -> stripe.v1().events().retrieve("evt_unknown"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                });
    }
}
