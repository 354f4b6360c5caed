package dev.kassa.ledger.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /api/v1/ledger/accounts/{account_id}}: per currency the debits, credits and the balance on the
 * account's normal side (debits - credits for the asset, credits - debits for a seller's liability).
 */
record AccountResponse(
        @Schema(example = "seller_payable:seller_1") @JsonProperty("account_id") String accountId,
        @Schema(description = "`ASSET` (`psp_receivable`), `LIABILITY` (`seller_payable:<seller>`) or `EXPENSE`"
                + " (`dispute_fees`)") @JsonProperty("type") AccountType type,
        @Schema(description = "The side on which the account grows; its balances are shown on this side",
                allowableValues = {"DEBIT", "CREDIT"}) @JsonProperty("normal_side") String normalSide,
        @Schema(description = "One per currency the account was ever posted in, by currency; empty for an account"
                + " nobody has posted to yet (`dispute_fees`)") @JsonProperty("balances") List<Balance> balances) {

    public record Balance(
            @Schema(example = "USD") @JsonProperty("currency") String currency,
            @JsonProperty("debits_minor") long debitsMinor,
            @JsonProperty("credits_minor") long creditsMinor,
            @Schema(description = "`balance_minor` as a decimal for the currency", example = "19.99")
            @JsonProperty("balance") String balance,
            @Schema(description = "On the account's normal side; may be below zero", example = "1999")
            @JsonProperty("balance_minor") long balanceMinor) {
    }

    static AccountResponse of(Account account) {
        AccountType type = account.type();
        return new AccountResponse(account.id(), type, type.normalSide().name(), account.balancesByCurrency().stream()
                .map(b -> {
                    long balanceMinor = type.balanceMinor(b.debitsMinor(), b.creditsMinor());
                    return new Balance(b.currency(), b.debitsMinor(), b.creditsMinor(),
                            Money.formatMinor(balanceMinor, b.currency()), balanceMinor);
                })
                .toList());
    }
}
