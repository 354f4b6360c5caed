package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.NewJournalEntry;

/** Announces a posted entry on ledger.events, in the posting's transaction. */
interface LedgerEventPublisher {

    void recorded(NewJournalEntry entry);
}
