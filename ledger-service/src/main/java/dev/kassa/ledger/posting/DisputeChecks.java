package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.ledger.journal.JournalRepository;
import dev.kassa.ledger.journal.PostedEntry;
import dev.kassa.ledger.journal.PostedEntrySummary;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks a dispute's withdrawn or reinstated funds against the order's entries, as refunds are checked against their
 * payment: state decides, not arrival order, since records lose their order on retry topics. Withdrawn funds need the
 * payment posted (transient until then), in its currency and for its seller, and no more than it; reinstated funds need
 * the withdrawal posted (transient until then), for the same order, seller and currency, no more than it took back,
 * and a returned fee goes to whoever bore it. Anything else can never be posted: dead-lettered for an operator.
 */
@Component
class DisputeChecks {

    private final JournalRepository journal;

    DisputeChecks(JournalRepository journal) {
        this.journal = journal;
    }

    /**
     * Locks the order's refunds and disputes until commit (so two records of one order are checked one after the
     * other), then checks the dispute's record.
     *
     * @return whether this dispute's entry of this kind is already posted: then nothing is checked, confirm the record
     *         with {@link #requireSameAsPosted}
     */
    boolean checkAgainstJournal(PostingRequest dispute) {
        if (!journal.lockPaymentEntry(dispute.paymentOrderId())) {
            throw new PaymentNotPostedYetException(dispute);
        }
        if (journal.findDisputeEntry(dispute.disputeId(), dispute.kind()).isPresent()) {
            return true;
        }
        if (dispute.kind() == EntryKind.DISPUTE_FUNDS_WITHDRAWN) {
            checkAgainstPayment(dispute);
        } else {
            checkAgainstWithdrawal(dispute);
        }
        return false;
    }

    /**
     * Another record for a dispute entry that is posted (e.g. re-published with a new event id): fine if it moves the
     * same funds, an {@link InvalidPaymentResultException} if not, also when it names another payment order.
     *
     * @return the posted entry's id
     */
    UUID requireSameAsPosted(PostingRequest dispute) {
        PostedEntry posted = journal.findDisputeEntry(dispute.disputeId(), dispute.kind())
                .orElseThrow(() -> new IllegalStateException("no entry for " + dispute.describe()
                        + " although it was found posted"));
        DisputeFunds booked = PostingRules.fundsOf(posted);
        if (!booked.equals(DisputeFunds.of(dispute))) {
            throw new InvalidPaymentResultException(dispute.describe() + " (event " + dispute.eventId() + ": "
                    + DisputeFunds.of(dispute) + ") contradicts journal entry " + posted.id() + " (" + booked + ")");
        }
        return posted.id();
    }

    private void checkAgainstPayment(PostingRequest withdrawal) {
        PostedEntrySummary payment = journal.findByBusinessKey(withdrawal.paymentOrderId(), EntryKind.PAYMENT, null)
                .orElseThrow(() -> new PaymentNotPostedYetException(withdrawal));
        if (!payment.currency().equals(withdrawal.currency())) {
            throw invalid(withdrawal, "is in " + withdrawal.currency() + " but the payment was posted in "
                    + payment.currency());
        }
        if (!payment.sellerId().equals(withdrawal.sellerId())) {
            throw invalid(withdrawal, "names seller " + withdrawal.sellerId()
                    + " but the payment was posted for seller " + payment.sellerId());
        }
        if (withdrawal.amountMinor() > payment.amountMinor()) {
            throw invalid(withdrawal, "disputes " + withdrawal.amountMinor() + " minor units of a payment of "
                    + payment.amountMinor());
        }
    }

    private void checkAgainstWithdrawal(PostingRequest reinstatement) {
        DisputeFunds withdrawn = journal.findDisputeEntry(reinstatement.disputeId(), EntryKind.DISPUTE_FUNDS_WITHDRAWN)
                .map(PostingRules::fundsOf)
                .orElseThrow(() -> new WithdrawalNotPostedYetException(reinstatement));
        DisputeFunds back = DisputeFunds.of(reinstatement);
        boolean sameDispute = withdrawn.paymentOrderId().equals(back.paymentOrderId())
                && withdrawn.sellerId().equals(back.sellerId()) && withdrawn.currency().equals(back.currency());
        boolean withinWithdrawn = back.amountMinor() <= withdrawn.amountMinor()
                && back.feeMinor() <= withdrawn.feeMinor()
                && (back.feeMinor() == 0 || back.feeBearer() == withdrawn.feeBearer());
        if (!sameDispute || !withinWithdrawn) {
            throw invalid(reinstatement, "(" + back + ") does not fit the withdrawn funds (" + withdrawn + ")");
        }
    }

    private static InvalidPaymentResultException invalid(PostingRequest dispute, String why) {
        return new InvalidPaymentResultException(dispute.describe() + " (event " + dispute.eventId() + ") " + why);
    }
}
