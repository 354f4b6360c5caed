package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.ledger.journal.JournalRepository;
import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.ledger.journal.PostedEntrySummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the journal entry of a succeeded payment or refund, or of a dispute's withdrawn or reinstated funds, exactly
 * once per business key, together with its LedgerTransactionRecorded outbox row. Runs in the consumer's transaction,
 * which also holds the inbox row: entry, lines, balances, inbox and outbox commit or roll back together.
 */
@Service
public class PostingService {

    private static final Logger log = LoggerFactory.getLogger(PostingService.class);

    private final JournalRepository journal;
    private final DisputeChecks disputes;
    private final LedgerEventPublisher events;
    private final PostingMetrics metrics;

    PostingService(JournalRepository journal, DisputeChecks disputes, LedgerEventPublisher events,
            PostingMetrics metrics) {
        this.journal = journal;
        this.disputes = disputes;
        this.events = events;
        this.metrics = metrics;
    }

    @Transactional
    public PostingOutcome post(PostingRequest request) {
        if (request.kind() == EntryKind.REFUND) {
            checkRefundAgainstPayment(request);
        }
        // A dispute's entry is found by dispute id alone: a record naming another order must not post it again.
        if (request.kind().isDispute() && disputes.checkAgainstJournal(request)) {
            return alreadyPosted(request);
        }
        NewJournalEntry entry = PostingRules.entryFor(request, UUID.randomUUID());
        OptionalLong seq = journal.post(entry);
        if (seq.isEmpty()) {
            return alreadyPosted(request);
        }
        events.recorded(entry, request.amountMinor());
        metrics.posted(request.kind(), 1);
        log.debug("Posted {} as journal entry {} (seq {})", request.describe(), entry.id(), seq.getAsLong());
        return PostingOutcome.POSTED;
    }

    /**
     * Posts succeeded payments with one statement, with the effect of {@link #post} called for each in list
     * order: the first event for an order posts its entry and publishes it, in list order; any later one
     * for the same order posts nothing. A payment needs no check against other entries, so nothing in
     * between depends on the entries posted before it.
     *
     * @return the payments that posted nothing because their order's payment is already posted (before, or
     *         earlier in the list), in list order: confirm each with {@link #alreadyPosted}, which fails for
     *         one that contradicts the posted entry
     */
    @Transactional
    public List<PostingRequest> postPayments(List<PostingRequest> payments) {
        Set<String> orders = new HashSet<>();
        List<NewJournalEntry> entries = new ArrayList<>(payments.size());
        NewJournalEntry[] entryOf = new NewJournalEntry[payments.size()];
        for (int i = 0; i < payments.size(); i++) {
            PostingRequest payment = payments.get(i);
            if (payment.kind() != EntryKind.PAYMENT) {
                throw new IllegalArgumentException(payment.describe() + " is no payment: post it with post()");
            }
            if (orders.add(payment.paymentOrderId())) { // a repeat within the list is decided by the first
                entryOf[i] = PostingRules.entryFor(payment, UUID.randomUUID());
                entries.add(entryOf[i]);
            }
        }
        Map<UUID, Long> inserted = journal.postAll(entries);
        List<PostingRequest> notPosted = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            if (entryOf[i] != null && inserted.containsKey(entryOf[i].id())) {
                events.recorded(entryOf[i], payments.get(i).amountMinor());
            } else {
                notPosted.add(payments.get(i));
            }
        }
        metrics.posted(EntryKind.PAYMENT, inserted.size());
        log.debug("Posted {} of {} payments with one statement", inserted.size(), payments.size());
        return notPosted;
    }

    /**
     * A refund needs its payment posted, in the same currency and for the same seller, and may not take the
     * order's refunds above the payment. The payment entry stays locked until commit so that two refunds of
     * one order are checked one after the other.
     */
    private void checkRefundAgainstPayment(PostingRequest refund) {
        if (!journal.lockPaymentEntry(refund.paymentOrderId())) {
            throw new PaymentNotPostedYetException(refund);
        }
        if (journal.findByBusinessKey(refund.paymentOrderId(), EntryKind.REFUND, refund.refundId()).isPresent()) {
            return; // posting finds the existing entry and reports it
        }
        PostedEntrySummary payment = journal.findByBusinessKey(refund.paymentOrderId(), EntryKind.PAYMENT, null)
                .orElseThrow(() -> new PaymentNotPostedYetException(refund));
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

    /**
     * Another event for a business key that is posted: fine if it says the same (amount, currency, seller; and fee
     * and its bearer for a dispute), an {@link InvalidPaymentResultException} if not.
     */
    public PostingOutcome alreadyPosted(PostingRequest request) {
        UUID existing = request.kind().isDispute()
                ? disputes.requireSameAsPosted(request) : requireSameAsPosted(request);
        metrics.alreadyPosted(request.kind());
        log.info("{} is already posted as journal entry {}; event {} acknowledged without effect",
                request.describe(), existing, request.eventId());
        return PostingOutcome.ALREADY_POSTED;
    }

    private UUID requireSameAsPosted(PostingRequest request) {
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
        return existing.id();
    }
}
