package dev.kassa.ledger.journal;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.Side;
import java.util.Objects;

/** One posting: an amount in minor units (always positive) on one side of one account. */
public record JournalLine(AccountId account, Side side, long amountMinor, String currency) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a journal line amount must be positive, was " + amountMinor);
        }
    }

    /** The line's effect on a debits-minus-credits sum. */
    long signedMinor() {
        return side == Side.DEBIT ? amountMinor : -amountMinor;
    }
}
