package dev.kassa.ledger.posting;

/** What handling one succeeded payment or refund, or a dispute's withdrawn or reinstated funds, did. */
enum PostingOutcome {
    /** A new journal entry was posted and its LedgerTransactionRecorded written to the outbox. */
    POSTED,
    /**
     * The entry for this payment, refund or side of a dispute already exists (another event with the same business
     * key, or for the same dispute).
     */
    ALREADY_POSTED
}
