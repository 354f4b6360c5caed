package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.NewJournalEntry;

/** Announces a posted entry on ledger.events, in the posting's transaction. */
interface LedgerEventPublisher {

    /**
     * @param amountMinor the payment's, refund's or disputed amount (without a dispute fee): the record's amount_minor
     */
    void recorded(NewJournalEntry entry, long amountMinor);
}
