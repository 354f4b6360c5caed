package dev.kassa.reconciliation.report;

import dev.kassa.schemas.money.Money;

/**
 * Per currency: what the PSP's charges and refunds add up to (gross, fees, net; refunds negative) against what we
 * expected them to be (our amounts for the rows that are ours, plus our successes the PSP lacks). Expected net
 * is our gross less the PSP's fees, so the difference isolates amounts, not the fee model.
 *
 * <p>A dispute's money is apart ({@code psp_dispute_*}): withdrawals negative, a won dispute's reversals positive,
 * the dispute fees, and their net. They are compared with the platform's disputes row by row, in the findings
 * (DISPUTE_*), not here. What the PSP's balance moved by is {@code psp_net + psp_dispute_net}.
 */
record CurrencyTotal(
        String currency,
        long pspCount,
        String pspGross,
        long pspGrossMinor,
        String pspFees,
        long pspFeesMinor,
        String pspNet,
        long pspNetMinor,
        long expectedCount,
        String expectedGross,
        long expectedGrossMinor,
        String expectedNet,
        long expectedNetMinor,
        String difference,
        long differenceMinor,
        long pspDisputeCount,
        String pspDisputeGross,
        long pspDisputeGrossMinor,
        String pspDisputeFees,
        long pspDisputeFeesMinor,
        String pspDisputeNet,
        long pspDisputeNetMinor) {

    /** A dispute's money at the PSP in one currency: rows, gross (signed), dispute fees, net. */
    record Disputes(long count, long gross, long fees, long net) {
        static final Disputes NONE = new Disputes(0, 0, 0, 0);
    }

    static CurrencyTotal of(String currency, long pspCount, long pspGross, long pspFees, long pspNet,
                            long expectedCount, long expectedGross, Disputes disputes) {
        long expectedNet = expectedGross - pspFees;
        long difference = pspGross - expectedGross;
        return new CurrencyTotal(currency, pspCount, format(pspGross, currency), pspGross, format(pspFees, currency),
                pspFees, format(pspNet, currency), pspNet, expectedCount, format(expectedGross, currency), expectedGross,
                format(expectedNet, currency), expectedNet, format(difference, currency), difference,
                disputes.count(), format(disputes.gross(), currency), disputes.gross(),
                format(disputes.fees(), currency), disputes.fees(), format(disputes.net(), currency), disputes.net());
    }

    private static String format(long minor, String currency) {
        return Money.isSupportedCurrency(currency) ? Money.formatMinor(minor, currency) : Long.toString(minor);
    }
}
