package dev.kassa.ledger.trialbalance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The sum of every account's debits and credits per currency. Each entry balances, so the totals must be
 * equal; {@code balanced} says whether they are in every currency.
 */
record TrialBalance(
        @JsonProperty("balanced") boolean balanced,
        @JsonProperty("currencies") List<CurrencyTotals> currencies) {

    public record CurrencyTotals(
            @JsonProperty("currency") String currency,
            @JsonProperty("total_debits_minor") long totalDebitsMinor,
            @JsonProperty("total_credits_minor") long totalCreditsMinor,
            @JsonProperty("total_debits") String totalDebits,
            @JsonProperty("total_credits") String totalCredits,
            @JsonProperty("balanced") boolean balanced) {
    }

    static TrialBalance of(List<CurrencyTotals> currencies) {
        return new TrialBalance(currencies.stream().allMatch(CurrencyTotals::balanced), currencies);
    }
}
