package dev.kassa.ledger.journal;

import java.util.List;
import java.util.UUID;

/** A posted entry with its lines in line order: what a dispute's earlier entry says, to check a record against. */
public record PostedEntry(UUID id, String paymentOrderId, String sellerId, List<JournalLine> lines) {

    public PostedEntry {
        lines = List.copyOf(lines);
    }
}
