package dev.kassa.ledger.journal;

import java.util.UUID;

/** What an existing entry says about its business event: used to tell a true duplicate from a conflict. */
public record PostedEntrySummary(UUID id, long seq, String sellerId, long amountMinor, String currency) {
}
