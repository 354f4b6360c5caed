package dev.kassa.ledger.account;

/** The side of a journal line, and the side on which an account grows ({@link AccountType}); stored as its name. */
public enum Side {
    DEBIT,
    CREDIT
}
