package dev.kassa.reconciliation.report;

import dev.kassa.schemas.money.Money;

/**
 * Per currency: what the PSP's file adds up to (gross, fees, net; refunds negative) against what we
 * expected it to hold (our amounts for the rows that are ours, plus our successes it lacks). Expected net
 * is our gross less the PSP's fees, so the difference isolates amounts, not the fee model.
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
        long differenceMinor) {

    static CurrencyTotal of(String currency, long pspCount, long pspGross, long pspFees, long pspNet,
                            long expectedCount, long expectedGross) {
        long expectedNet = expectedGross - pspFees;
        long difference = pspGross - expectedGross;
        return new CurrencyTotal(currency, pspCount, format(pspGross, currency), pspGross, format(pspFees, currency),
                pspFees, format(pspNet, currency), pspNet, expectedCount, format(expectedGross, currency), expectedGross,
                format(expectedNet, currency), expectedNet, format(difference, currency), difference);
    }

    private static String format(long minor, String currency) {
        return Money.isSupportedCurrency(currency) ? Money.formatMinor(minor, currency) : Long.toString(minor);
    }
}
