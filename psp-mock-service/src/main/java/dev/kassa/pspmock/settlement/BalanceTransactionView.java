package dev.kassa.pspmock.settlement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import dev.kassa.pspmock.api.Ids;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Stripe's BalanceTransaction (API version 2025-08-27.basil), rendered in snake_case. Money is available at once
 * ({@code available_on} = {@code created}, {@code status} "available"): psp-mock has no payout schedule. A dispute's
 * rows are Stripe's type {@code adjustment} with reporting category {@code dispute} (withdrawal, the dispute fee in
 * {@code fee}) or {@code dispute_reversal}, and the dispute ({@code dp_…}) as source.
 *
 * @param source the charge's, refund's or dispute's id, or (expanded) the {@link ChargeSource}, {@link RefundSource}
 *               or {@link DisputeSource}
 */
@Schema(name = "BalanceTransaction", description = "Stripe's BalanceTransaction: the money of a charge, refund or"
        + " dispute, as the settlement file has it. Available at once (no payouts); times are Unix seconds.")
public record BalanceTransactionView(@Schema(example = "txn_1MtwBwLkdIwHu7ixzXHkWNsG") String id,
                                     @Schema(allowableValues = "balance_transaction") String object,
                                     @Schema(description = "Gross, in the currency's minor unit; negative for a refund"
                                             + " or a dispute's withdrawal") long amount,
                                     @Schema(description = "Always `created`") long availableOn,
                                     @Schema(allowableValues = "payments") String balanceType,
                                     long created,
                                     @Schema(description = "ISO 4217, lower case", example = "eur") String currency,
                                     @Schema(nullable = true, description = "For refunds and a dispute's rows; null for"
                                             + " a charge") String description,
                                     @Schema(nullable = true, description = "Always null in psp-mock")
                                     BigDecimal exchangeRate,
                                     @Schema(description = "psp-mock's fee model (`psp.settlement.fees`), or the"
                                             + " dispute fee") long fee,
                                     List<FeeDetail> feeDetails,
                                     @Schema(description = "`amount` - `fee`") long net,
                                     @Schema(allowableValues = {SettlementRow.CHARGE, SettlementRow.REFUND,
                                             SettlementRow.DISPUTE, SettlementRow.DISPUTE_REVERSAL})
                                     String reportingCategory,
                                     @Schema(description = "The charge's (`ch_…`), refund's (`re_…`) or dispute's"
                                             + " (`dp_…`) id; the object itself with `expand[]=data.source`",
                                             oneOf = {String.class, ChargeSource.class, RefundSource.class,
                                                     DisputeSource.class}) Object source,
                                     @Schema(allowableValues = "available") String status,
                                     @Schema(allowableValues = {SettlementRow.CHARGE, SettlementRow.REFUND, ADJUSTMENT},
                                             description = "A dispute's rows are `adjustment`s") String type) {

    static final String REFUND_DESCRIPTION = "REFUND FOR CHARGE";
    static final String FEE_DESCRIPTION = "Stripe processing fees";
    static final String DISPUTE_FEE_DESCRIPTION = "Dispute fee";
    /** Stripe's type of a dispute's withdrawal and reversal. */
    static final String ADJUSTMENT = "adjustment";

    /**
     * @param expand   {@code expand[]=data.source}: the source as an object
     * @param metadata reads a metadata column's JSON
     */
    static BalanceTransactionView of(ListedTransaction txn, boolean expand,
                                     Function<String, Map<String, String>> metadata) {
        String currency = txn.currency().toLowerCase(Locale.ROOT);
        long created = txn.createdAt().getEpochSecond();
        String sourceId = txn.isCharge() ? Ids.chargeOf(txn.paymentIntentId())
                : txn.isDispute() ? txn.disputeId() : txn.refundId();
        Object source = expand ? expandedSource(txn, sourceId, currency, created, metadata) : sourceId;
        List<FeeDetail> feeDetails = txn.fee() == 0 ? List.of()
                : List.of(new FeeDetail(txn.fee(), null, currency,
                        txn.isDispute() ? DISPUTE_FEE_DESCRIPTION : FEE_DESCRIPTION, "stripe_fee"));
        return new BalanceTransactionView(txn.id(), "balance_transaction", txn.amount(), created, "payments", created,
                currency, description(txn), null, txn.fee(), feeDetails, txn.net(), txn.type(), source, "available",
                txn.isDispute() ? ADJUSTMENT : txn.type());
    }

    /** As Stripe describes them: refunds, and a chargeback's withdrawal and reversal naming the charge. */
    private static String description(ListedTransaction txn) {
        return switch (txn.type()) {
            case SettlementRow.REFUND -> REFUND_DESCRIPTION;
            case SettlementRow.DISPUTE -> "Chargeback withdrawal for " + Ids.chargeOf(txn.paymentIntentId());
            case SettlementRow.DISPUTE_REVERSAL -> "Chargeback reversal for " + Ids.chargeOf(txn.paymentIntentId());
            default -> null;
        };
    }

    private static Object expandedSource(ListedTransaction txn, String sourceId, String currency, long created,
                                         Function<String, Map<String, String>> metadata) {
        // A row that only a discrepancy added has no intent or refund behind it: its order id is all it carries.
        Map<String, String> sourceMetadata = txn.sourceMetadata() != null ? metadata.apply(txn.sourceMetadata())
                : txn.paymentOrderId() != null ? Map.of("payment_order_id", txn.paymentOrderId()) : Map.of();
        long sourceCreated = txn.sourceCreatedAt() != null ? txn.sourceCreatedAt().getEpochSecond() : created;
        if (txn.isCharge()) {
            return new ChargeSource(sourceId, "charge", txn.originalAmount(), txn.originalAmount(), txn.id(), true,
                    created, currency, false, sourceMetadata, true, txn.paymentIntentId(), "succeeded");
        }
        if (txn.isDispute()) {
            long disputed = txn.disputeAmount() != null ? txn.disputeAmount() : Math.abs(txn.originalAmount());
            return new DisputeSource(sourceId, "dispute", disputed, Ids.chargeOf(txn.paymentIntentId()),
                    sourceCreated, currency, false, sourceMetadata, txn.paymentIntentId(), txn.disputeReason(),
                    txn.disputeStatus());
        }
        return new RefundSource(sourceId, "refund", -txn.originalAmount(), txn.id(),
                Ids.chargeOf(txn.paymentIntentId()), sourceCreated, currency, sourceMetadata, txn.paymentIntentId(),
                "succeeded");
    }

    @Schema(name = "BalanceTransactionFeeDetail")
    public record FeeDetail(long amount, @Schema(nullable = true, description = "Always null in psp-mock")
                            String application, String currency,
                            @Schema(example = "Stripe processing fees") String description,
                            @Schema(allowableValues = "stripe_fee") String type) {
    }

    /**
     * Stripe's Charge, the fields a balance transaction's reader needs: which intent it paid and that intent's
     * metadata (Stripe copies an intent's metadata onto its charge). Its refunds are left out ({@code
     * amount_refunded}, {@code refunded}): the list does not track them, and the intent shows them.
     */
    @Schema(name = "BalanceTransactionChargeSource", description = "An expanded charge source")
    record ChargeSource(String id, @Schema(allowableValues = "charge") String object, long amount,
                        long amountCaptured, String balanceTransaction,
                        boolean captured, long created, String currency, boolean livemode,
                        Map<String, String> metadata, boolean paid, String paymentIntent, String status) {
    }

    /** Stripe's Refund; it succeeded, or it would have no balance transaction. */
    @Schema(name = "BalanceTransactionRefundSource", description = "An expanded refund source")
    record RefundSource(String id, @Schema(allowableValues = "refund") String object, long amount,
                        String balanceTransaction, String charge,
                        long created, String currency, Map<String, String> metadata, String paymentIntent,
                        String status) {
    }

    /**
     * Stripe's Dispute, the fields a reader of its money needs: the disputed charge and intent, amount, reason, its
     * status now and its metadata ({@code GET /v1/disputes/{id}} shows the rest).
     */
    @Schema(name = "BalanceTransactionDisputeSource", description = "An expanded dispute source")
    record DisputeSource(String id, @Schema(allowableValues = "dispute") String object, long amount,
                         String charge, long created, String currency,
                         boolean livemode, Map<String, String> metadata, String paymentIntent, String reason,
                         String status) {
    }
}
