package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import dev.kassa.reconciliation.discrepancy.DiscrepancyType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A finding as the API shows it: the fields of a {@code DiscrepancyFound} record, plus the raw ids and amounts behind
 * them. {@code disputeId} and the fees are a dispute finding's (null for the others).
 */
@Schema(description = "A difference between the PSP's money and the platform's; reconciliation-service/README.md"
        + " says what an operator does about each type")
record DiscrepancyView(
        DiscrepancyType type,
        @Schema(nullable = true) String paymentOrderId,
        @Schema(nullable = true, description = "The PSP's payment intent", example = "pi_3Qx…") String pspReference,
        @Schema(nullable = true, description = "A refund finding's refund (the PSP's `re_…` or ours)")
        String refundId,
        @Schema(nullable = true, description = "A dispute finding's dispute (`dp_…`)") String disputeId,
        @Schema(nullable = true, description = "The PSP's row behind the finding, if it has one")
        String balanceTransactionId,
        @Schema(nullable = true) String sellerAccount,
        @Schema(nullable = true, description = "The PSP row's position in the day's listing") Long lineNumber,
        @Schema(example = "USD") String currency,
        @Schema(description = "The platform's side, for people: `SUCCEEDED 45.00 EUR`, `POSTED 19.99 USD`,"
                + " `WITHDRAWN 29.99 USD, fee 15.00 USD`, or `none`", example = "SUCCEEDED 12.34 USD") String expected,
        @Schema(description = "The PSP's side (or the wallet's, for `WALLET_LEDGER_MISMATCH`), as `expected`",
                example = "none") String actual,
        @Schema(nullable = true, description = "`expected`'s amount in minor units") Long expectedMinor,
        @Schema(nullable = true, description = "`actual`'s amount in minor units") Long actualMinor,
        @Schema(nullable = true, description = "A dispute finding's fee as the platform recorded it, in the PSP's sign"
                + " (taken positive, given back negative)") Long expectedFeeMinor,
        @Schema(nullable = true, description = "A dispute finding's fee at the PSP, in the PSP's sign")
        Long actualFeeMinor,
        @Schema(description = "What was found, in a sentence naming the ids involved") String detail) {

    static DiscrepancyView of(Discrepancy d) {
        return new DiscrepancyView(d.type(), d.paymentOrderId(), d.pspReference(), d.refundId(), d.disputeId(),
                d.balanceTransactionId(), d.sellerAccount(), d.lineNumber(), d.currency(), d.expected(), d.actual(),
                d.expectedMinor(), d.actualMinor(), d.expectedFeeMinor(), d.actualFeeMinor(), d.detail());
    }
}
