package dev.kassa.pspmock.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.Webhook;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import dev.kassa.pspmock.support.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disputes driven by Stripe's official Java client: opened by Stripe's dispute test cards, retrieved, listed, answered
 * with Stripe's test evidence, accepted, and announced by webhooks the client verifies.
 */
class StripeDisputesTest extends PspIntegrationTest {

    private StripeClient stripe;

    @BeforeEach
    void client() {
        stripe = StripeSdk.client(port);
    }

    private PaymentIntent charged(long amount, String currency, String paymentMethod) throws StripeException {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency(currency).setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("payment_order_id", "po-dispute-sdk").build());
    }

    /** The dispute a dispute test card's charge opened. */
    private Dispute disputeOf(PaymentIntent intent) throws StripeException {
        StripeCollection<Dispute> disputes = stripe.v1().disputes().list(DisputeListParams.builder()
                .setPaymentIntent(intent.getId()).build());
        assertThat(disputes.getData()).hasSize(1);
        return disputes.getData().getFirst();
    }

    private static List<Delivery> deliveries(String disputeId, String type) {
        return RECEIVER.deliveriesFor(disputeId).stream().filter(d -> d.type().equals(type)).toList();
    }

    private static Delivery deliveryOf(String disputeId, String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(disputeId, type).stream().findFirst(),
                Optional::isPresent).orElseThrow();
    }

    @Test
    void aDisputeCardsChargeSucceedsAndIsDisputedForItsWholeAmount() throws Exception {
        PaymentIntent intent = charged(10_000, "usd", "pm_card_createDispute");

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        Dispute dispute = disputeOf(intent);
        assertThat(dispute.getId()).startsWith("dp_");
        assertThat(dispute.getObject()).isEqualTo("dispute");
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        assertThat(dispute.getAmount()).isEqualTo(10_000);
        assertThat(dispute.getCurrency()).isEqualTo("usd");
        assertThat(dispute.getCharge()).isEqualTo(intent.getLatestCharge());
        assertThat(dispute.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(dispute.getLivemode()).isFalse();
        assertThat(dispute.getIsChargeRefundable()).isFalse();
        assertThat(dispute.getMetadata()).isEmpty();
        assertThat(dispute.getCreated()).isBetween(intent.getCreated(), intent.getCreated() + 1);
        assertThat(dispute.getEvidence().getUncategorizedText()).isNull();
        // Due by the end of the UTC day 7 days on (psp.disputes.evidence-due-days).
        long expectedDueBy = LocalDate.ofInstant(Instant.ofEpochSecond(dispute.getCreated()), ZoneOffset.UTC)
                .plusDays(7).atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        assertThat(dispute.getEvidenceDetails().getDueBy()).isEqualTo(expectedDueBy);
        assertThat(dispute.getEvidenceDetails().getHasEvidence()).isFalse();
        assertThat(dispute.getEvidenceDetails().getPastDue()).isFalse();
        assertThat(dispute.getEvidenceDetails().getSubmissionCount()).isZero();
        // The disputed amount and the dispute fee (USD 15.00) withdrawn at once.
        assertThat(dispute.getBalanceTransactions()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.getId()).startsWith("txn_");
            assertThat(withdrawal.getType()).isEqualTo("adjustment");
            assertThat(withdrawal.getReportingCategory()).isEqualTo("dispute");
            assertThat(withdrawal.getAmount()).isEqualTo(-10_000);
            assertThat(withdrawal.getFee()).isEqualTo(1_500);
            assertThat(withdrawal.getNet()).isEqualTo(-11_500);
            assertThat(withdrawal.getSource()).isEqualTo(dispute.getId());
            assertThat(withdrawal.getDescription()).isEqualTo("Chargeback withdrawal for " + intent.getLatestCharge());
            assertThat(withdrawal.getFeeDetails()).singleElement()
                    .returns(1_500L, BalanceTransaction.FeeDetail::getAmount)
                    .returns("Dispute fee", BalanceTransaction.FeeDetail::getDescription);
        });
        assertThat(stripe.v1().disputes().retrieve(dispute.getId()).toJson()).isEqualTo(dispute.toJson());
    }

    @Test
    void theDisputeIsAnnouncedAsCreatedAndFundsWithdrawnBySignedWebhooksAndListedAsEvents() throws Exception {
        String key = StripeSdk.newKey();
        PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(4_200L).setCurrency("eur").setPaymentMethod("tok_createDispute").setConfirm(true).build(),
                StripeSdk.withKey(key));
        String disputeId = disputeOf(intent).getId();

        for (String type : List.of("charge.dispute.created", "charge.dispute.funds_withdrawn")) {
            Delivery delivery = deliveryOf(disputeId, type);
            Event event = Webhook.constructEvent(delivery.body(), delivery.signature(), WEBHOOK_SECRET);
            assertThat(event.getType()).isEqualTo(type);
            assertThat(event.getRequest().getIdempotencyKey()).isEqualTo(key);
            Dispute announced = (Dispute) event.getDataObjectDeserializer().getObject().orElseThrow();
            assertThat(announced.getId()).isEqualTo(disputeId);
            assertThat(announced.getStatus()).isEqualTo("needs_response");
            assertThat(announced.getCharge()).isEqualTo(intent.getLatestCharge());
            assertThat(announced.getBalanceTransactions()).extracting(BalanceTransaction::getAmount)
                    .containsExactly(-4_200L);
        }
        assertThat(deliveryOf(intent.getId(), "payment_intent.succeeded")).isNotNull();

        for (String type : List.of("charge.dispute.created", "charge.dispute.funds_withdrawn")) {
            List<Event> listed = stripe.v1().events().list(EventListParams.builder().setType(type).setLimit(100L)
                    .build()).getData();
            assertThat(listed).filteredOn(e -> e.getDataObjectDeserializer().getObject()
                    .map(o -> ((Dispute) o).getId()).orElse("").equals(disputeId)).hasSize(1);
        }
    }

    @Test
    void winningEvidenceIsUnderReviewThenWonWithTheAmountReinstated() throws Exception {
        PaymentIntent intent = charged(5_000, "usd", "tok_createDispute");
        String disputeId = disputeOf(intent).getId();
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).setAmount(100L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_disputed"));

        Dispute submitted = stripe.v1().disputes().update(disputeId, DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence")
                        .setProductDescription("A blue umbrella").build())
                .putMetadata("case", "c-1").build());

        assertThat(submitted.getStatus()).isEqualTo("under_review");
        assertThat(submitted.getEvidence().getUncategorizedText()).isEqualTo("winning_evidence");
        assertThat(submitted.getEvidence().getProductDescription()).isEqualTo("A blue umbrella");
        assertThat(submitted.getEvidenceDetails().getHasEvidence()).isTrue();
        assertThat(submitted.getEvidenceDetails().getSubmissionCount()).isEqualTo(1);
        assertThat(submitted.getMetadata()).containsExactly(java.util.Map.entry("case", "c-1"));
        Dispute updated = (Dispute) Webhook.constructEvent(deliveryOf(disputeId, "charge.dispute.updated").body(),
                deliveryOf(disputeId, "charge.dispute.updated").signature(), WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(updated.getStatus()).isEqualTo("under_review");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                stripe.v1().disputes().retrieve(disputeId).getStatus().equals("won"));
        Dispute won = stripe.v1().disputes().retrieve(disputeId);
        assertThat(won.getIsChargeRefundable()).isTrue();
        assertThat(won.getBalanceTransactions()).hasSize(2);
        BalanceTransaction reversal = won.getBalanceTransactions().get(1);
        assertThat(reversal.getType()).isEqualTo("adjustment");
        assertThat(reversal.getReportingCategory()).isEqualTo("dispute_reversal");
        assertThat(reversal.getAmount()).isEqualTo(5_000);
        // psp.settlement.dispute-fees.returned-when-won is false: the fee stays withdrawn.
        assertThat(reversal.getFee()).isZero();
        assertThat(reversal.getNet()).isEqualTo(5_000);
        assertThat(reversal.getSource()).isEqualTo(disputeId);
        Dispute closed = (Dispute) Webhook.constructEvent(deliveryOf(disputeId, "charge.dispute.closed").body(),
                deliveryOf(disputeId, "charge.dispute.closed").signature(), WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(closed.getStatus()).isEqualTo("won");
        assertThat(deliveryOf(disputeId, "charge.dispute.funds_reinstated").event().path("data").path("object")
                .path("status").stringValue()).isEqualTo("won");
        assertThat(deliveries(disputeId, "charge.dispute.updated")).hasSize(1);
        // Won, the charge may be refunded again.
        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(1_000L).build());
        assertThat(refund.getStatus()).isEqualTo("succeeded");
    }

    @Test
    void losingEvidenceIsUnderReviewThenLostWithNothingReinstated() throws Exception {
        PaymentIntent intent = charged(3_000, "eur", "pm_card_createDispute");
        String disputeId = disputeOf(intent).getId();

        Dispute submitted = stripe.v1().disputes().update(disputeId, DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("losing_evidence").build())
                .build());

        assertThat(submitted.getStatus()).isEqualTo("under_review");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                stripe.v1().disputes().retrieve(disputeId).getStatus().equals("lost"));
        Dispute lost = stripe.v1().disputes().retrieve(disputeId);
        assertThat(lost.getBalanceTransactions()).extracting(BalanceTransaction::getReportingCategory)
                .containsExactly("dispute");
        assertThat(lost.getIsChargeRefundable()).isFalse();
        assertThat(deliveryOf(disputeId, "charge.dispute.closed").event().path("data").path("object")
                .path("status").stringValue()).isEqualTo("lost");
        assertThat(deliveries(disputeId, "charge.dispute.funds_reinstated")).isEmpty();
        assertThatThrownBy(() -> stripe.v1().disputes().update(disputeId, DisputeUpdateParams.builder()
                .putMetadata("late", "yes").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("dispute_already_closed");
                });
    }

    @Test
    void stagedEvidenceStaysUntilSubmittedAndOtherEvidenceIsNotDecided() throws Exception {
        PaymentIntent intent = charged(2_000, "gbp", "tok_createDisputeProductNotReceived");
        Dispute opened = disputeOf(intent);
        assertThat(opened.getReason()).isEqualTo("product_not_received");

        Dispute staged = stripe.v1().disputes().update(opened.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setShippingTrackingNumber("TRACK-1").build())
                .setSubmit(false).build());
        assertThat(staged.getStatus()).isEqualTo("needs_response");
        assertThat(staged.getEvidenceDetails().getHasEvidence()).isTrue();
        assertThat(staged.getEvidenceDetails().getSubmissionCount()).isZero();

        Dispute submitted = stripe.v1().disputes().update(opened.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setShippingCarrier("DHL").build()).build());
        assertThat(submitted.getStatus()).isEqualTo("under_review");
        assertThat(submitted.getEvidence().getShippingTrackingNumber()).isEqualTo("TRACK-1");
        assertThat(submitted.getEvidence().getShippingCarrier()).isEqualTo("DHL");
        assertThat(submitted.getEvidenceDetails().getSubmissionCount()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(opened.getId(), "charge.dispute.updated")
                .size() == 2);

        // Submitted evidence is final; metadata is not.
        assertThatThrownBy(() -> stripe.v1().disputes().update(opened.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence").build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("dispute_already_submitted");
                    assertThat(e.getParam()).isEqualTo("evidence");
                });
        assertThat(stripe.v1().disputes().update(opened.getId(), DisputeUpdateParams.builder()
                .putMetadata("owner", "risk-team").build()).getMetadata()).containsEntry("owner", "risk-team");
        // Neither winning nor losing evidence: it stays under review (until an operator decides it).
        assertThat(stripe.v1().disputes().retrieve(opened.getId()).getStatus()).isEqualTo("under_review");
    }

    @Test
    void closingAcceptsTheDisputeAsLostOnce() throws Exception {
        PaymentIntent intent = charged(1_500, "usd", "pm_card_createDispute");
        String disputeId = disputeOf(intent).getId();

        Dispute closed = stripe.v1().disputes().close(disputeId);

        assertThat(closed.getStatus()).isEqualTo("lost");
        assertThat(closed.getBalanceTransactions()).hasSize(1);
        assertThat(deliveryOf(disputeId, "charge.dispute.closed").event().path("data").path("object")
                .path("status").stringValue()).isEqualTo("lost");
        assertThatThrownBy(() -> stripe.v1().disputes().close(disputeId))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("dispute_already_closed"));
        assertThat(deliveries(disputeId, "charge.dispute.closed")).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyChangesTheDisputeOnce() throws Exception {
        PaymentIntent intent = charged(2_500, "usd", "pm_card_createDispute");
        String disputeId = disputeOf(intent).getId();
        String key = StripeSdk.newKey();
        DisputeUpdateParams params = DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("my story").build())
                .build();

        Dispute first = stripe.v1().disputes().update(disputeId, params, StripeSdk.withKey(key));
        Dispute again = stripe.v1().disputes().update(disputeId, params, StripeSdk.withKey(key));
        String closeKey = StripeSdk.newKey();
        PaymentIntent other = charged(700, "usd", "pm_card_createDispute");
        String otherDispute = disputeOf(other).getId();
        Dispute closed = stripe.v1().disputes().close(otherDispute, StripeSdk.withKey(closeKey));
        Dispute closedAgain = stripe.v1().disputes().close(otherDispute, StripeSdk.withKey(closeKey));

        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.toJson()).isEqualTo(first.toJson());
        assertThat(stripe.v1().disputes().retrieve(disputeId).getEvidenceDetails().getSubmissionCount()).isEqualTo(1);
        assertThat(closedAgain.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(closedAgain.getStatus()).isEqualTo(closed.getStatus()).isEqualTo("lost");
        deliveryOf(disputeId, "charge.dispute.updated");
        deliveryOf(otherDispute, "charge.dispute.closed");
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("charge.dispute.updated")
                .setLimit(100L).build()).getData()).filteredOn(e -> e.getDataObjectDeserializer().getObject()
                .map(o -> ((Dispute) o).getId()).orElse("").equals(disputeId)).hasSize(1);
        assertThat(deliveries(disputeId, "charge.dispute.updated")).hasSize(1);
        assertThat(deliveries(otherDispute, "charge.dispute.closed")).hasSize(1);
        // The same key with other parameters is refused.
        assertThatThrownBy(() -> stripe.v1().disputes().update(disputeId, DisputeUpdateParams.builder()
                .putMetadata("k", "v").build(), StripeSdk.withKey(key)))
                .isInstanceOf(com.stripe.exception.IdempotencyException.class);
    }

    @Test
    void aConfirmedDisputeCardIsDisputedToo() throws StripeException {
        PaymentIntent waiting = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(900L).setCurrency("usd").build());

        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(waiting.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_createDispute").build());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(disputeOf(confirmed).getAmount()).isEqualTo(900);
    }

    @Test
    void listPagesNewestFirstAndFiltersByChargeOrPaymentIntent() throws StripeException {
        PaymentIntent first = charged(101, "usd", "pm_card_createDispute");
        PaymentIntent second = charged(102, "usd", "pm_card_createDispute");
        String firstDispute = disputeOf(first).getId();
        String secondDispute = disputeOf(second).getId();

        StripeCollection<Dispute> newest = stripe.v1().disputes().list(DisputeListParams.builder().setLimit(1L).build());
        StripeCollection<Dispute> older = stripe.v1().disputes().list(DisputeListParams.builder().setLimit(1L)
                .setStartingAfter(secondDispute).build());
        StripeCollection<Dispute> byCharge = stripe.v1().disputes().list(DisputeListParams.builder()
                .setCharge(first.getLatestCharge()).build());
        StripeCollection<Dispute> mismatched = stripe.v1().disputes().list(DisputeListParams.builder()
                .setCharge(first.getLatestCharge()).setPaymentIntent(second.getId()).build());

        assertThat(newest.getData()).extracting(Dispute::getId).containsExactly(secondDispute);
        assertThat(newest.getHasMore()).isTrue();
        assertThat(newest.getUrl()).isEqualTo("/v1/disputes");
        assertThat(older.getData()).extracting(Dispute::getId).containsExactly(firstDispute);
        assertThat(byCharge.getData()).extracting(Dispute::getId).containsExactly(firstDispute);
        assertThat(mismatched.getData()).isEmpty();
        assertThatThrownBy(() -> stripe.v1().disputes().retrieve("dp_unknown"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                });
        assertThatThrownBy(() -> stripe.v1().disputes().list(DisputeListParams.builder()
                .setStartingAfter("dp_unknown").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getParam()).isEqualTo("starting_after"));
    }
}
