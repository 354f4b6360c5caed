package dev.kassa.payment.dispute;

import dev.kassa.payment.dispute.DisputeWebhooks.BalanceTransaction;
import dev.kassa.payment.dispute.DisputeWebhooks.Notice;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.events.PaymentEvents.DisputeMoney;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the PSP did with a dispute's money, read from the balance transactions a webhook's dispute shows (state, not
 * event type: webhooks come duplicated and reordered, and every one carries the whole dispute): the withdrawal is
 * recorded once and published as {@code DisputeFundsWithdrawn}; a won dispute's reversal, once and only after the
 * withdrawal, as {@code DisputeFundsReinstated}. Each by a guarded UPDATE whose row decides whether its record goes
 * out, in the webhook's transaction. A reversal seen before its withdrawal was recorded (a reordered delivery; its
 * dispute lists both) records and publishes both, in that order.
 */
@Component
class DisputeFunds {

    /** Stripe's reporting category of a dispute's withdrawal, and of its reversal. */
    static final String WITHDRAWAL = "dispute";
    static final String REVERSAL = "dispute_reversal";

    private static final Logger log = LoggerFactory.getLogger(DisputeFunds.class);

    private final Disputes disputes;
    private final PaymentEvents events;
    private final DisputeProperties properties;

    DisputeFunds(Disputes disputes, PaymentEvents events, DisputeProperties properties) {
        this.disputes = disputes;
        this.events = events;
        this.properties = properties;
    }

    /** Whether the notice shows any money moved (a withdrawal or a reversal). */
    static boolean showsMoney(Notice notice) {
        return notice.balanceTransactions().stream().anyMatch(t -> isWithdrawal(t) || isReversal(t));
    }

    /**
     * Records the money {@code notice} shows that {@code dispute} (as it is now, in this transaction) has not recorded
     * yet, with its outbox records.
     *
     * @return how many records it published: 0 (nothing new), 1 or 2
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int record(Dispute dispute, PaymentOrder order, Notice notice) {
        Shown shown = Shown.of(notice);
        if (shown.isEmpty()) {
            return 0;
        }
        if (order.status() != PaymentOrderStatus.SUCCEEDED) {
            // A charge the books never had: booking its chargeback would take money the seller was never given.
            log.warn("Dispute {}: the PSP moved its funds, but order {} is {}: not booked, for an operator to look at",
                    dispute.disputeId(), order.paymentOrderId(), order.status());
            return 0;
        }
        int published = 0;
        Dispute current = dispute;
        if (shown.withdrawalFee() != null && current.fundsWithdrawnAt() == null) {
            Optional<Dispute> withdrawn = disputes.fundsWithdrawn(current.disputeId(), shown.withdrawalFee(),
                    properties.feeBearer().name());
            if (withdrawn.isPresent()) {
                current = withdrawn.get();
                events.disputeFundsWithdrawn(order, money(current, current.withdrawnFeeMinor()));
                log.info("Dispute {}: funds withdrawn, {} {} minor and a fee of {} borne by the {}",
                        current.disputeId(), current.amountMinor(), current.currency(), current.withdrawnFeeMinor(),
                        current.feeBearer());
                published++;
            }
        }
        if (shown.feeReturned() != null && current.fundsReinstatedAt() == null) {
            if (current.status() != DisputeStatus.WON || current.fundsWithdrawnAt() == null) {
                log.warn("Dispute {} shows its funds reinstated but is {}{}: nothing given back", current.disputeId(),
                        current.status(), current.fundsWithdrawnAt() == null ? " with no withdrawal recorded" : "");
                return published;
            }
            Optional<Dispute> reinstated = disputes.fundsReinstated(current.disputeId(), shown.feeReturned());
            if (reinstated.isPresent()) {
                current = reinstated.get();
                events.disputeFundsReinstated(order, money(current, current.feeReturnedMinor()));
                log.info("Dispute {}: funds reinstated, {} {} minor and {} of the fee back to the {}",
                        current.disputeId(), current.amountMinor(), current.currency(), current.feeReturnedMinor(),
                        current.feeBearer());
                published++;
            }
        }
        return published;
    }

    private static DisputeMoney money(Dispute dispute, long feeMinor) {
        return new DisputeMoney(dispute.disputeId(), dispute.pspReference(), dispute.amountMinor(), dispute.currency(),
                feeMinor, dispute.feeBearer());
    }

    private static boolean isWithdrawal(BalanceTransaction transaction) {
        return transaction.reportingCategory() != null ? WITHDRAWAL.equals(transaction.reportingCategory())
                : transaction.amountMinor() < 0;
    }

    private static boolean isReversal(BalanceTransaction transaction) {
        return transaction.reportingCategory() != null ? REVERSAL.equals(transaction.reportingCategory())
                : transaction.amountMinor() > 0;
    }

    /**
     * The money a notice shows: the fee withdrawn with the disputed funds, and the fee given back with them (Stripe's
     * reversal fee is negative, or 0 when it keeps the fee); each null when the notice shows no such transaction, or
     * one whose fee cannot be booked (of the wrong sign), which is logged and left for an operator.
     */
    private record Shown(Long withdrawalFee, Long feeReturned) {

        static Shown of(Notice notice) {
            Long withdrawalFee = null;
            Long feeReturned = null;
            for (BalanceTransaction transaction : notice.balanceTransactions()) {
                if (isWithdrawal(transaction)) {
                    withdrawalFee = (withdrawalFee == null ? 0 : withdrawalFee) + transaction.feeMinor();
                } else if (isReversal(transaction)) {
                    feeReturned = (feeReturned == null ? 0 : feeReturned) - transaction.feeMinor();
                }
            }
            return new Shown(bookable(withdrawalFee, notice, "withdrawal fee"),
                    bookable(feeReturned, notice, "fee given back"));
        }

        private static Long bookable(Long fee, Notice notice, String what) {
            if (fee != null && fee < 0) {
                log.warn("Dispute {} shows a {} of {} minor: not booked", notice.disputeId(), what, fee);
                return null;
            }
            return fee;
        }

        boolean isEmpty() {
            return withdrawalFee == null && feeReturned == null;
        }
    }
}
