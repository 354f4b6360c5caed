package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes LedgerTransactionRecorded, with the entry's lines, to the outbox for ledger.events, keyed by the
 * payment order id so that it follows the payment's other events on one partition.
 */
@Component
class OutboxLedgerEventPublisher implements LedgerEventPublisher {

    private final Outbox outbox;

    OutboxLedgerEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void recorded(NewJournalEntry entry, long amountMinor) {
        List<JournalLine> lines = entry.lines().stream()
                .map(line -> JournalLine.newBuilder()
                        .setAccount(line.account().value())
                        .setSide(EntrySide.valueOf(line.side().name()))
                        .setAmountMinor(line.amountMinor())
                        .setCurrency(line.currency())
                        .build())
                .toList();
        LedgerTransactionRecorded event = LedgerTransactionRecorded.newBuilder()
                .setEventId("") // the outbox sets the event id (its row id)
                .setOccurredAt(Instant.now())
                .setPaymentOrderId(entry.paymentOrderId())
                .setCheckoutId(entry.checkoutId())
                .setSellerAccount(entry.sellerId())
                .setAmountMinor(amountMinor)
                .setCurrency(entry.lines().getFirst().currency())
                .setJournalEntryId(entry.id().toString())
                .setKind(LedgerEntryKind.valueOf(entry.kind().name()))
                .setRefundId(entry.refundId())
                .setDisputeId(entry.disputeId())
                .setSourceEventId(entry.sourceEventId())
                .setLines(lines)
                .build();
        outbox.publish(Topics.LEDGER_EVENTS, entry.paymentOrderId(), event);
    }
}
