package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import dev.kassa.reconciliation.discrepancy.DiscrepancyType;

/**
 * A finding as the API shows it: the fields of a {@code DiscrepancyFound} record, plus the raw ids and amounts behind
 * them. {@code disputeId} and the fees are a dispute finding's (null for the others).
 */
record DiscrepancyView(
        DiscrepancyType type,
        String paymentOrderId,
        String pspReference,
        String refundId,
        String disputeId,
        String balanceTransactionId,
        String sellerAccount,
        Long lineNumber,
        String currency,
        String expected,
        String actual,
        Long expectedMinor,
        Long actualMinor,
        Long expectedFeeMinor,
        Long actualFeeMinor,
        String detail) {

    static DiscrepancyView of(Discrepancy d) {
        return new DiscrepancyView(d.type(), d.paymentOrderId(), d.pspReference(), d.refundId(), d.disputeId(),
                d.balanceTransactionId(), d.sellerAccount(), d.lineNumber(), d.currency(), d.expected(), d.actual(),
                d.expectedMinor(), d.actualMinor(), d.expectedFeeMinor(), d.actualFeeMinor(), d.detail());
    }
}
