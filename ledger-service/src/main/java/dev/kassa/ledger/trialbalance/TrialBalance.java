package dev.kassa.ledger.trialbalance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The sum of every account's debits and credits per currency. Each entry balances, so the totals must be
 * equal; {@code balanced} says whether they are in every currency.
 */
record TrialBalance(
        @Schema(description = "Whether debits equal credits in every currency")
        @JsonProperty("balanced") boolean balanced,
        @Schema(description = "One per currency ever posted, by currency")
        @JsonProperty("currencies") List<CurrencyTotals> currencies) {

    public record CurrencyTotals(
            @Schema(example = "USD") @JsonProperty("currency") String currency,
            @JsonProperty("total_debits_minor") long totalDebitsMinor,
            @JsonProperty("total_credits_minor") long totalCreditsMinor,
            @Schema(description = "`total_debits_minor` as a decimal", example = "39.98")
            @JsonProperty("total_debits") String totalDebits,
            @Schema(description = "`total_credits_minor` as a decimal", example = "39.98")
            @JsonProperty("total_credits") String totalCredits,
            @JsonProperty("balanced") boolean balanced) {
    }

    static TrialBalance of(List<CurrencyTotals> currencies) {
        return new TrialBalance(currencies.stream().allMatch(CurrencyTotals::balanced), currencies);
    }
}
