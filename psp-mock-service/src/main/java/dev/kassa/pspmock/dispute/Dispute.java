package dev.kassa.pspmock.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.settlement.BalanceTransactionView;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dispute as stored. No version: every change after its insert is a guarded UPDATE ({@link Disputes}) whose WHERE
 * names the status it leaves.
 *
 * @param status          Stripe's: {@code needs_response}, {@code under_review}, {@code won}, {@code lost}
 * @param currency        ISO 4217 upper case as stored (the charge's); answered in lower case
 * @param evidence        the evidence fields given so far, staged or submitted
 * @param dueBy           evidence must be submitted before this
 * @param submissionCount how many times evidence was submitted (once at most here)
 * @param decideAt        submitted evidence that decides the dispute (Stripe's {@code winning_evidence},
 *                        {@code losing_evidence}) closes it then, as {@code decidesTo}; else both null
 */
@Table("dispute")
record Dispute(@Id String id, String paymentIntentId, long amount, String currency, String reason, String status,
               DisputeEvidence evidence, Metadata metadata, Instant dueBy, int submissionCount, Instant createdAt,
               Instant decideAt, String decidesTo) {

    static final String NEEDS_RESPONSE = "needs_response";
    static final String UNDER_REVIEW = "under_review";
    static final String WON = "won";
    static final String LOST = "lost";

    /** How the API document marks a Stripe field psp-mock never fills. */
    static final String ALWAYS_NULL = "Always null in psp-mock";

    /** Stripe's dispute reasons. */
    static final Set<String> REASONS = Set.of("bank_cannot_process", "check_returned", "credit_not_processed",
            "customer_initiated", "debit_not_authorized", "duplicate", "fraudulent", "general",
            "incorrect_account_details", "insufficient_funds", "noncompliant", "product_not_received",
            "product_unacceptable", "subscription_canceled", "unrecognized");

    boolean closed() {
        return WON.equals(status) || LOST.equals(status);
    }

    /** The evidence can no longer be submitted: its due date has come. */
    boolean pastDue(Instant now) {
        return !now.isBefore(dueBy);
    }

    String charge() {
        return Ids.chargeOf(paymentIntentId);
    }

    /**
     * @param balanceTransactions the dispute's money ({@code BalanceTransactions.ofDispute}): the withdrawal, and the
     *                            reversal once won
     */
    View view(List<BalanceTransactionView> balanceTransactions) {
        return new View(id, "dispute", amount, balanceTransactions, charge(), createdAt.getEpochSecond(),
                currency.toLowerCase(Locale.ROOT), List.of(), evidence.view(),
                new EvidenceDetails(dueBy.getEpochSecond(), Map.of(), evidence.any(), false, submissionCount),
                WON.equals(status), false, metadata.entries(), null, paymentIntentId, null, reason, status);
    }

    /**
     * Stripe's Dispute fields that stripe-java models (snake_case), null where psp-mock has nothing to say.
     * {@code is_charge_refundable}: the charge may be refunded again only once the dispute is won (while it is open or
     * lost, a refund is refused with {@code charge_disputed}).
     */
    @Schema(name = "Dispute", description = "Stripe's Dispute: the fields stripe-java models, null where psp-mock has"
            + " nothing to say. Times are Unix seconds.")
    record View(@Schema(example = "dp_1MtwBwLkdIwHu7ix9OVd5lwP") String id,
                @Schema(allowableValues = "dispute") String object,
                @Schema(description = "The disputed amount, in the currency's minor unit") long amount,
                @Schema(description = "The money it moved: the withdrawal (amount and dispute fee), and the reversal"
                        + " once won") List<BalanceTransactionView> balanceTransactions,
                @Schema(description = "The disputed charge (`ch_…`)") String charge, long created,
                @Schema(description = "ISO 4217, lower case", example = "eur") String currency,
                @Schema(description = "Always empty") List<String> enhancedEligibilityTypes,
                Map<String, Object> evidence,
                EvidenceDetails evidenceDetails,
                @Schema(description = "The charge may be refunded: only once the dispute is won")
                @JsonProperty("is_charge_refundable") boolean isChargeRefundable,
                @Schema(description = "Always false") boolean livemode,
                Map<String, String> metadata,
                @Schema(nullable = true, description = ALWAYS_NULL) String networkReasonCode,
                String paymentIntent,
                @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object paymentMethodDetails,
                @Schema(description = "Stripe's dispute reasons, e.g. `fraudulent`, `product_not_received`")
                String reason,
                @Schema(allowableValues = {NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST}) String status) {
    }

    /**
     * @param pastDue always false: evidence past its due date is refused, never submitted late
     */
    @Schema(name = "DisputeEvidenceDetails")
    record EvidenceDetails(@Schema(description = "Evidence must be submitted before this (end of a UTC day)")
                           long dueBy,
                           @Schema(description = "Always empty") Map<String, Object> enhancedEligibility,
                           @Schema(description = "Evidence was staged or submitted") boolean hasEvidence,
                           @Schema(description = "Always false: evidence past due is refused, never submitted late")
                           boolean pastDue,
                           @Schema(description = "0, or 1 once submitted") int submissionCount) {
    }
}
