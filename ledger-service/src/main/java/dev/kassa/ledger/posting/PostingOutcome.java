package dev.kassa.ledger.posting;

/** What handling one succeeded payment or refund did. */
enum PostingOutcome {
    /** A new journal entry was posted and its LedgerTransactionRecorded written to the outbox. */
    POSTED,
    /** The entry for this payment or refund already exists (another event with the same business key). */
    ALREADY_POSTED
}
