package dev.kassa.ledger.journal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A journal entry about to be posted. It refuses to exist unbalanced: the database checks the same rule at
 * commit, this only makes a bug fail early with a clearer stack trace.
 *
 * @param refundId the refund of a REFUND entry, null for every other kind
 * @param disputeId the dispute of a DISPUTE_ entry, null for every other kind
 * @param merchantId the seller's merchant when the event names one: recorded once per seller, never changed
 */
public record NewJournalEntry(
        UUID id,
        String paymentOrderId,
        EntryKind kind,
        String refundId,
        String disputeId,
        String checkoutId,
        String sellerId,
        String sourceEventId,
        Instant occurredAt,
        List<JournalLine> lines,
        String merchantId) {

    public NewJournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentOrderId, "paymentOrderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if ((kind == EntryKind.REFUND) != (refundId != null)) {
            throw new IllegalArgumentException("a refund id is required for a REFUND entry and only for one");
        }
        if (kind.isDispute() != (disputeId != null)) {
            throw new IllegalArgumentException("a dispute id is required for a DISPUTE_ entry and only for one");
        }
        lines = List.copyOf(lines);
        requireBalanced(lines);
    }

    private static void requireBalanced(List<JournalLine> lines) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least one debit and one credit");
        }
        Map<String, Long> sums = new HashMap<>();
        for (JournalLine line : lines) {
            sums.merge(line.currency(), line.signedMinor(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("journal entry does not balance in " + currency + " by " + sum);
            }
        });
    }
}
