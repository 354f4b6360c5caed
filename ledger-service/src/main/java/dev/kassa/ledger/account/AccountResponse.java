package dev.kassa.ledger.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.schemas.money.Money;
import java.util.List;

/**
 * {@code GET /api/v1/ledger/accounts/{account_id}}: per currency the debits, credits and the balance on the
 * account's normal side (debits - credits for the asset, credits - debits for a seller's liability).
 */
record AccountResponse(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("type") AccountType type,
        @JsonProperty("normal_side") String normalSide,
        @JsonProperty("balances") List<Balance> balances) {

    public record Balance(
            @JsonProperty("currency") String currency,
            @JsonProperty("debits_minor") long debitsMinor,
            @JsonProperty("credits_minor") long creditsMinor,
            @JsonProperty("balance") String balance,
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
