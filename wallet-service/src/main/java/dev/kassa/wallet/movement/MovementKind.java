package dev.kassa.wallet.movement;

/** A credit adds a succeeded payment to the seller's balance; a debit takes a succeeded refund off it. */
public enum MovementKind {
    CREDIT,
    DEBIT;

    /** The signed change this kind makes to a balance. */
    long signed(long amountMinor) {
        return this == CREDIT ? amountMinor : -amountMinor;
    }
}
