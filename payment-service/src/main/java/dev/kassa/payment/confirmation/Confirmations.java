package dev.kassa.payment.confirmation;

import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.payment.confirmation.ConfirmationRepository.ConfirmedOrder;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * wallet-service's and ledger-service's confirmations: set {@code wallet_updated} / {@code ledger_updated}
 * of the payment order ({@code WalletCredited}, {@code LedgerTransactionRecorded} of a payment) or of the
 * refund ({@code WalletDebited}, {@code LedgerTransactionRecorded} of a refund), once each, and complete
 * the checkouts that have nothing left to wait for. Those naming a dispute ({@code WalletDebited} /
 * {@code WalletCredited} with {@code dispute_id}, {@code LedgerTransactionRecorded} of the {@code DISPUTE_} kinds)
 * confirm no payment or refund: they set the dispute's own booked flags, for its view.
 *
 * <p>Runs in the consumer's transaction with the inbox rows, for a whole poll at once: a few set-based
 * statements per batch instead of several statements and a commit per event (see
 * {@link ConfirmationRepository}). One event (a retry topic, or a batch applied again event by event after
 * it failed) takes the same code with a list of one, so both paths have the same effect by construction.
 * A flag that is already set, or an order that is not ours or not succeeded, is acknowledged and left alone.
 */
@Component
class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final ConfirmationRepository repository;

    Confirmations(ConfirmationRepository repository) {
        this.repository = repository;
    }

    /** New events of {@code wallet.events}, in read order. */
    public void walletEvents(List<InboundEvent> events) {
        Flags flags = new Flags(events.size());
        for (InboundEvent event : events) {
            switch (event.record()) {
                // A won dispute's money back is no confirmation of the payment.
                case WalletCredited credited when credited.getDisputeId() != null ->
                        flags.dispute(credited.getDisputeId(), true, true, false);
                case WalletCredited credited -> flags.payment(credited.getPaymentOrderId(), true, false);
                case WalletDebited debited when debited.getDisputeId() != null ->
                        flags.dispute(debited.getDisputeId(), false, true, false);
                case WalletDebited debited when debited.getRefundId() != null ->
                        flags.refund(debited.getRefundId(), true, false);
                case WalletDebited debited -> log.info("Debit {} of payment order {} names neither a refund nor a "
                        + "dispute: nothing of ours to confirm", debited.getMovementId(), debited.getPaymentOrderId());
                default -> throw new InvalidEventException("wallet.events does not carry "
                        + event.record().getSchema().getFullName() + " (event " + event.eventId() + ")");
            }
        }
        apply("wallet", flags);
    }

    /** New events of {@code ledger.events}, in read order. */
    public void ledgerEvents(List<InboundEvent> events) {
        Flags flags = new Flags(events.size());
        for (InboundEvent event : events) {
            LedgerTransactionRecorded recorded = event.recordAs(LedgerTransactionRecorded.class);
            LedgerEntryKind kind = recorded.getKind();
            String source = switch (kind) {
                case PAYMENT -> recorded.getPaymentOrderId();
                case REFUND -> recorded.getRefundId();
                case DISPUTE_FUNDS_WITHDRAWN, DISPUTE_FUNDS_REINSTATED -> recorded.getDisputeId();
            };
            if (source == null) {
                log.info("{} entry {} of payment order {} names no {}: nothing of ours to confirm", kind,
                        recorded.getJournalEntryId(), recorded.getPaymentOrderId(),
                        kind == LedgerEntryKind.REFUND ? "refund" : "dispute");
                continue;
            }
            switch (kind) {
                case PAYMENT -> flags.payment(source, false, true);
                case REFUND -> flags.refund(source, false, true);
                case DISPUTE_FUNDS_WITHDRAWN -> flags.dispute(source, false, false, true);
                case DISPUTE_FUNDS_REINSTATED -> flags.dispute(source, true, false, true);
            }
        }
        apply("ledger", flags);
    }

    private void apply(String by, Flags flags) {
        // Refunds, disputes, orders, checkouts: the lock order every transaction of this service keeps (a dispute's
        // webhook locks its dispute before its order).
        if (!flags.refunds.isEmpty()) {
            String[] ids = Flags.ids(flags.refunds);
            logIgnored(by, "refund", ids,
                    repository.confirmRefunds(ids, Flags.wallet(flags.refunds), Flags.ledger(flags.refunds)));
        }
        if (!flags.disputes.isEmpty()) {
            String[] ids = Flags.ids(flags.disputes);
            logIgnored(by, "dispute", ids, repository.confirmDisputes(ids, Flags.reinstatement(flags.disputes),
                    Flags.wallet(flags.disputes), Flags.ledger(flags.disputes)));
        }
        if (flags.orders.isEmpty()) {
            return;
        }
        String[] ids = Flags.ids(flags.orders);
        List<ConfirmedOrder> confirmed = repository.confirmPayments(ids, Flags.wallet(flags.orders),
                Flags.ledger(flags.orders));
        logIgnored(by, "payment order", ids, confirmed.stream().map(ConfirmedOrder::paymentOrderId).toList());
        // Only an order that became fully confirmed in this transaction can be the last one its checkout waits
        // for: a checkout whose orders were all confirmed earlier was completed by that earlier transaction.
        Set<String> checkouts = new LinkedHashSet<>();
        for (ConfirmedOrder order : confirmed) {
            if (order.fullyConfirmed()) {
                checkouts.add(order.checkoutId());
            }
        }
        List<String> completed = checkouts.isEmpty() ? List.of() : repository.completeCheckouts(checkouts);
        if (!completed.isEmpty()) {
            log.info("Checkouts COMPLETED on {} confirmations: {}", by, completed);
        }
        log.debug("{} confirmations: {} of {} payment orders recorded, {} checkouts completed", by, confirmed.size(),
                ids.length, completed.size());
    }

    private static void logIgnored(String by, String what, String[] ids, List<String> recorded) {
        if (recorded.size() == ids.length) {
            return;
        }
        Set<String> applied = new HashSet<>(recorded);
        Arrays.stream(ids).distinct().filter(id -> !applied.contains(id)).forEach(id -> log.info(
                "Confirmation by {} for {} {} ignored: already recorded, or not ours (or, for an order, not succeeded)",
                by, what, id));
    }

    /**
     * What one event confirms: the wallet or the ledger flag of one payment order, refund, or dispute's withdrawal
     * ({@code reinstatement} false) or reinstatement.
     */
    private record Flag(String id, boolean reinstatement, boolean wallet, boolean ledger) {
    }

    /** One batch's confirmations, split into payment orders, refunds and disputes. */
    private static final class Flags {

        final List<Flag> orders;
        final List<Flag> refunds = new ArrayList<>();
        final List<Flag> disputes = new ArrayList<>();

        Flags(int size) {
            orders = new ArrayList<>(size);
        }

        void payment(String orderId, boolean wallet, boolean ledger) {
            orders.add(new Flag(orderId, false, wallet, ledger));
        }

        void refund(String refundId, boolean wallet, boolean ledger) {
            refunds.add(new Flag(refundId, false, wallet, ledger));
        }

        void dispute(String disputeId, boolean reinstatement, boolean wallet, boolean ledger) {
            disputes.add(new Flag(disputeId, reinstatement, wallet, ledger));
        }

        static String[] ids(List<Flag> flags) {
            String[] ids = new String[flags.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = flags.get(i).id();
            }
            return ids;
        }

        static boolean[] wallet(List<Flag> flags) {
            boolean[] wallet = new boolean[flags.size()];
            for (int i = 0; i < wallet.length; i++) {
                wallet[i] = flags.get(i).wallet();
            }
            return wallet;
        }

        static boolean[] reinstatement(List<Flag> flags) {
            boolean[] reinstatement = new boolean[flags.size()];
            for (int i = 0; i < reinstatement.length; i++) {
                reinstatement[i] = flags.get(i).reinstatement();
            }
            return reinstatement;
        }

        static boolean[] ledger(List<Flag> flags) {
            boolean[] ledger = new boolean[flags.size()];
            for (int i = 0; i < ledger.length; i++) {
                ledger[i] = flags.get(i).ledger();
            }
            return ledger;
        }
    }
}
