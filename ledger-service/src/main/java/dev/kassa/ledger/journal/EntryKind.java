package dev.kassa.ledger.journal;

/**
 * What a journal entry records; with the payment order id, refund id and dispute id it is the entry's business key.
 */
public enum EntryKind {
    /** A succeeded payment order: DR psp_receivable, CR seller_payable. */
    PAYMENT,
    /** A succeeded refund: DR seller_payable, CR psp_receivable. */
    REFUND,
    /**
     * The PSP took a disputed payment's amount and the dispute fee back: DR seller_payable (the amount) and the fee's
     * bearer (the fee), CR psp_receivable.
     */
    DISPUTE_FUNDS_WITHDRAWN,
    /** The PSP gave a won dispute's amount (and maybe the fee) back: the withdrawal's mirror. */
    DISPUTE_FUNDS_REINSTATED;

    /** Whether entries of this kind name a dispute (and only they do). */
    public boolean isDispute() {
        return this == DISPUTE_FUNDS_WITHDRAWN || this == DISPUTE_FUNDS_REINSTATED;
    }
}
