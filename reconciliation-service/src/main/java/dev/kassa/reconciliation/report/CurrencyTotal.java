package dev.kassa.reconciliation.report;

import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Per currency: what the PSP's charges and refunds add up to (gross, fees, net; refunds negative) against what we
 * expected them to be (our amounts for the rows that are ours, plus our successes the PSP lacks). Expected net
 * is our gross less the PSP's fees, so the difference isolates amounts, not the fee model.
 *
 * <p>A dispute's money is apart ({@code psp_dispute_*}): withdrawals negative, a won dispute's reversals positive,
 * the dispute fees, and their net. They are compared with the platform's disputes row by row, in the findings
 * (DISPUTE_*), not here. What the PSP's balance moved by is {@code psp_net + psp_dispute_net}.
 */
@Schema(description = "One currency's totals: the PSP's charges and refunds (refunds negative) against what the"
        + " platform expected, and the PSP's dispute money apart (`psp_dispute_*`). Each amount is a decimal string"
        + " with its minor units beside it (`*_minor`).")
record CurrencyTotal(
        @Schema(example = "USD") String currency,
        @Schema(description = "The PSP's charge and refund rows") long pspCount,
        @Schema(example = "124.99") String pspGross,
        long pspGrossMinor,
        @Schema(description = "The PSP's fees on those rows", example = "4.12") String pspFees,
        long pspFeesMinor,
        @Schema(description = "`psp_gross` less `psp_fees`", example = "120.87") String pspNet,
        long pspNetMinor,
        @Schema(description = "Rows the platform expected: ours among the PSP's, plus our successes it lacks")
        long expectedCount,
        @Schema(example = "124.98") String expectedGross,
        long expectedGrossMinor,
        @Schema(description = "`expected_gross` less the PSP's fees, so that `difference` isolates amounts")
        String expectedNet,
        long expectedNetMinor,
        @Schema(description = "`psp_gross` less `expected_gross`", example = "0.01") String difference,
        long differenceMinor,
        @Schema(description = "The PSP's dispute rows (withdrawals and won disputes' reversals)") long pspDisputeCount,
        @Schema(description = "Withdrawals negative, reversals positive", example = "-29.99") String pspDisputeGross,
        long pspDisputeGrossMinor,
        @Schema(description = "Dispute fees (a returned one negative)", example = "15.00") String pspDisputeFees,
        long pspDisputeFeesMinor,
        @Schema(description = "What disputes moved the PSP's balance by; the balance moved by `psp_net` +"
                + " `psp_dispute_net`", example = "-44.99") String pspDisputeNet,
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
