package dev.kassa.ledger.journal;

/** The side of a journal line; stored as its name. */
public enum Side {
    DEBIT,
    CREDIT
}
