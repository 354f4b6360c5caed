package dev.kassa.ledger.journal;

/** What a journal entry records; with the payment order id and refund id it is the entry's business key. */
public enum EntryKind {
    /** A succeeded payment order: DR psp_receivable, CR seller_payable. */
    PAYMENT,
    /** A succeeded refund: DR seller_payable, CR psp_receivable. */
    REFUND
}
