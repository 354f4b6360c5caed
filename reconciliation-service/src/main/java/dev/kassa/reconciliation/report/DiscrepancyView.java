package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import dev.kassa.reconciliation.discrepancy.DiscrepancyType;

/** A finding as the API shows it: the fields of a {@code DiscrepancyFound} record, plus the raw ids and amounts behind them. */
record DiscrepancyView(
        DiscrepancyType type,
        String paymentOrderId,
        String pspReference,
        String refundId,
        String balanceTransactionId,
        String sellerAccount,
        Long lineNumber,
        String currency,
        String expected,
        String actual,
        Long expectedMinor,
        Long actualMinor,
        String detail) {

    static DiscrepancyView of(Discrepancy d) {
        return new DiscrepancyView(d.type(), d.paymentOrderId(), d.pspReference(), d.refundId(),
                d.balanceTransactionId(), d.sellerAccount(), d.lineNumber(), d.currency(), d.expected(), d.actual(),
                d.expectedMinor(), d.actualMinor(), d.detail());
    }
}
