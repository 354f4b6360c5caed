package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.ledger.journal.JournalRepository;
import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.ledger.journal.PostedEntrySummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the journal entry of a succeeded payment or refund, exactly once per business key, together with
 * its LedgerTransactionRecorded outbox row. Runs in the consumer's transaction, which also holds the inbox
 * row: entry, lines, balances, inbox and outbox commit or roll back together.
 */
@Service
public class PostingService {

    private static final Logger log = LoggerFactory.getLogger(PostingService.class);

    private final JournalRepository journal;
    private final LedgerEventPublisher events;
    private final Map<EntryKind, Counter> posted;
    private final Map<EntryKind, Counter> alreadyPosted;

    public PostingService(JournalRepository journal, LedgerEventPublisher events, MeterRegistry meters) {
        this.journal = journal;
        this.events = events;
        this.posted = counters(meters, "posted");
        this.alreadyPosted = counters(meters, "already_posted");
    }

    @Transactional
    public PostingOutcome post(PostingRequest request) {
        if (request.kind() == EntryKind.REFUND) {
            checkRefundAgainstPayment(request);
        }
        NewJournalEntry entry = PostingRules.entryFor(request, UUID.randomUUID());
        OptionalLong seq = journal.post(entry);
        if (seq.isEmpty()) {
            return alreadyPosted(request);
        }
        events.recorded(entry);
        posted.get(request.kind()).increment();
        log.debug("Posted {} as journal entry {} (seq {})", request.describe(), entry.id(), seq.getAsLong());
        return PostingOutcome.POSTED;
    }

    /**
     * A refund needs its payment posted, in the same currency and for the same seller, and may not take the
     * order's refunds above the payment. The payment entry stays locked until commit so that two refunds of
     * one order are checked one after the other.
     */
    private void checkRefundAgainstPayment(PostingRequest refund) {
        if (!journal.lockPaymentEntry(refund.paymentOrderId())) {
            throw new PaymentNotPostedYetException(refund.paymentOrderId(), refund.refundId());
        }
        if (journal.findByBusinessKey(refund.paymentOrderId(), EntryKind.REFUND, refund.refundId()).isPresent()) {
            return; // posting finds the existing entry and reports it
        }
        PostedEntrySummary payment = journal.findByBusinessKey(refund.paymentOrderId(), EntryKind.PAYMENT, null)
                .orElseThrow(() -> new PaymentNotPostedYetException(refund.paymentOrderId(), refund.refundId()));
        if (!payment.currency().equals(refund.currency())) {
            throw new InvalidPaymentResultException(refund.describe() + " is in " + refund.currency()
                    + " but the payment was posted in " + payment.currency());
        }
        if (!payment.sellerId().equals(refund.sellerId())) {
            throw new InvalidPaymentResultException(refund.describe() + " names seller " + refund.sellerId()
                    + " but the payment was posted for seller " + payment.sellerId());
        }
        long refunded = journal.refundedMinor(refund.paymentOrderId());
        if (refunded + refund.amountMinor() > payment.amountMinor()) {
            throw new InvalidPaymentResultException(refund.describe() + " of " + refund.amountMinor()
                    + " minor units would refund more than the payment's " + payment.amountMinor()
                    + " (already refunded " + refunded + ")");
        }
    }

    /** Another event for the same business key: fine if it says the same, a conflict if not. */
    private PostingOutcome alreadyPosted(PostingRequest request) {
        PostedEntrySummary existing = journal.findByBusinessKey(request.paymentOrderId(), request.kind(),
                        request.refundId())
                .orElseThrow(() -> new IllegalStateException("no entry for " + request.describe()
                        + " although its business key conflicted"));
        if (existing.amountMinor() != request.amountMinor() || !existing.currency().equals(request.currency())
                || !existing.sellerId().equals(request.sellerId())) {
            throw new InvalidPaymentResultException(request.describe() + " (event " + request.eventId() + ": "
                    + request.amountMinor() + " " + request.currency() + " for " + request.sellerId()
                    + ") contradicts journal entry " + existing.id() + " (" + existing.amountMinor() + " "
                    + existing.currency() + " for " + existing.sellerId() + ")");
        }
        alreadyPosted.get(request.kind()).increment();
        log.info("{} is already posted as journal entry {}; event {} acknowledged without effect",
                request.describe(), existing.id(), request.eventId());
        return PostingOutcome.ALREADY_POSTED;
    }

    private static Map<EntryKind, Counter> counters(MeterRegistry meters, String outcome) {
        return Map.of(
                EntryKind.PAYMENT, counter(meters, EntryKind.PAYMENT, outcome),
                EntryKind.REFUND, counter(meters, EntryKind.REFUND, outcome));
    }

    private static Counter counter(MeterRegistry meters, EntryKind kind, String outcome) {
        return Counter.builder("kassa.ledger.postings")
                .description("Succeeded payments and refunds handled by the ledger, by outcome")
                .tag("kind", kind.name().toLowerCase())
                .tag("outcome", outcome)
                .register(meters);
    }
}
