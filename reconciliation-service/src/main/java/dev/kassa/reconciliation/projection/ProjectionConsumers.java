package dev.kassa.reconciliation.projection;

import static dev.kassa.reconciliation.projection.EventChecks.id;
import static dev.kassa.reconciliation.projection.EventChecks.money;
import static dev.kassa.reconciliation.projection.EventChecks.notNegative;
import static dev.kassa.reconciliation.projection.EventChecks.optionalId;

import dev.kassa.messaging.consumer.AfterCommit;
import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.reconciliation.projection.ProjectionRepository.DisputeMovement;
import dev.kassa.reconciliation.projection.ProjectionRepository.Entry;
import dev.kassa.reconciliation.projection.ProjectionRepository.Line;
import dev.kassa.reconciliation.projection.ProjectionRepository.Movement;
import dev.kassa.reconciliation.projection.ProjectionRepository.PaymentResult;
import dev.kassa.reconciliation.projection.ProjectionRepository.RefundResult;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projection's three consumers, group {@code reconciliation-service}, declared through the messaging
 * module, which runs a handler in one transaction with the inbox rows, retries through the group's retry topics
 * and dead-letters invalid content.
 *
 * <p>Each main topic is consumed in batches: the projection only writes to this service's own database, so a
 * whole poll commits in ONE transaction with its inbox rows (the three topics share one container, so a poll may
 * hold all three, each handed to its own method), and is written with one statement per table
 * ({@link ProjectionRepository}). A single event (retry topics; a failed batch applied again one event per
 * transaction) goes through the same code as a batch of one, so both paths give the same projection. Content
 * checks run before any write: an invalid event fails its batch, which the library then applies one by one, so
 * that it alone is dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumers.class);

    private final ProjectionRepository projection;
    private final MeterRegistry meters;

    ProjectionConsumers(ProjectionRepository projection, MeterRegistry meters) {
        this.projection = projection;
        this.meters = meters;
    }

    @Bean
    EventConsumer paymentResultsProjection() {
        return EventConsumer.of(Topics.PAYMENT_RESULTS, ConsumerGroups.RECONCILIATION_SERVICE,
                event -> paymentResults(List.of(event))).inBatches(this::paymentResults);
    }

    @Bean
    EventConsumer walletEventsProjection() {
        return EventConsumer.of(Topics.WALLET_EVENTS, ConsumerGroups.RECONCILIATION_SERVICE,
                event -> walletEvents(List.of(event))).inBatches(this::walletEvents);
    }

    @Bean
    EventConsumer ledgerEventsProjection() {
        return EventConsumer.of(Topics.LEDGER_EVENTS, ConsumerGroups.RECONCILIATION_SERVICE,
                event -> ledgerEvents(List.of(event))).inBatches(this::ledgerEvents);
    }

    void paymentResults(List<InboundEvent> events) {
        List<InboundEvent> paymentEvents = new ArrayList<>();
        List<PaymentResult> payments = new ArrayList<>();
        List<InboundEvent> refundEvents = new ArrayList<>();
        List<RefundResult> refunds = new ArrayList<>();
        List<InboundEvent> disputeEvents = new ArrayList<>();
        List<DisputeMovement> disputes = new ArrayList<>();
        for (InboundEvent event : events) {
            switch (event.record()) {
                case PaymentOrderSucceeded e -> {
                    id("payment_order_id", e.getPaymentOrderId());
                    id("psp_reference", e.getPspReference());
                    id("seller_account", e.getSellerAccount());
                    money(e.getAmountMinor(), e.getCurrency());
                    paymentEvents.add(event);
                    payments.add(new PaymentResult(e.getPaymentOrderId(), e.getCheckoutId(), e.getSellerAccount(),
                            e.getAmountMinor(), e.getCurrency(), ProjectionRepository.SUCCEEDED, e.getPspReference(),
                            e.getOccurredAt(), null));
                }
                case PaymentOrderFailed e -> {
                    id("payment_order_id", e.getPaymentOrderId());
                    id("seller_account", e.getSellerAccount());
                    money(e.getAmountMinor(), e.getCurrency());
                    paymentEvents.add(event);
                    payments.add(new PaymentResult(e.getPaymentOrderId(), e.getCheckoutId(), e.getSellerAccount(),
                            e.getAmountMinor(), e.getCurrency(), ProjectionRepository.FAILED, e.getPspReference(),
                            e.getOccurredAt(), e.getFailureCode()));
                }
                case RefundSucceeded e -> {
                    id("refund_id", e.getRefundId());
                    id("payment_order_id", e.getPaymentOrderId());
                    id("seller_account", e.getSellerAccount());
                    money(e.getAmountMinor(), e.getCurrency());
                    refundEvents.add(event);
                    refunds.add(new RefundResult(e.getRefundId(), e.getPaymentOrderId(), e.getCheckoutId(),
                            e.getSellerAccount(), e.getAmountMinor(), e.getCurrency(), ProjectionRepository.SUCCEEDED,
                            e.getPspReference(), e.getPspRefundReference(), e.getOccurredAt(), null));
                }
                case RefundFailed e -> {
                    id("refund_id", e.getRefundId());
                    id("payment_order_id", e.getPaymentOrderId());
                    id("seller_account", e.getSellerAccount());
                    money(e.getAmountMinor(), e.getCurrency());
                    refundEvents.add(event);
                    refunds.add(new RefundResult(e.getRefundId(), e.getPaymentOrderId(), e.getCheckoutId(),
                            e.getSellerAccount(), e.getAmountMinor(), e.getCurrency(), ProjectionRepository.FAILED,
                            e.getPspReference(), e.getPspRefundReference(), e.getOccurredAt(), e.getFailureCode()));
                }
                case DisputeFundsWithdrawn e -> {
                    disputeChecks(e.getDisputeId(), e.getPaymentOrderId(), e.getSellerAccount(), e.getPspReference(),
                            e.getAmountMinor(), e.getCurrency(), e.getFeeMinor());
                    disputeEvents.add(event);
                    disputes.add(new DisputeMovement(e.getDisputeId(), ProjectionRepository.WITHDRAWN,
                            e.getPaymentOrderId(), e.getCheckoutId(), e.getSellerAccount(), e.getCurrency(),
                            e.getPspReference(), e.getFeeBearer().name(), e.getAmountMinor(), e.getFeeMinor(),
                            e.getOccurredAt()));
                }
                case DisputeFundsReinstated e -> {
                    disputeChecks(e.getDisputeId(), e.getPaymentOrderId(), e.getSellerAccount(), e.getPspReference(),
                            e.getAmountMinor(), e.getCurrency(), e.getFeeMinor());
                    disputeEvents.add(event);
                    disputes.add(new DisputeMovement(e.getDisputeId(), ProjectionRepository.REINSTATED,
                            e.getPaymentOrderId(), e.getCheckoutId(), e.getSellerAccount(), e.getCurrency(),
                            e.getPspReference(), e.getFeeBearer().name(), e.getAmountMinor(), e.getFeeMinor(),
                            e.getOccurredAt()));
                }
                default -> throw unexpected(event);
            }
        }
        // Payments, refunds and disputes are separate rows, so writing all payments, then all refunds, then all
        // disputes is the same as writing them in read order.
        Applied applied = new Applied();
        applied.record(paymentEvents, payments.isEmpty() ? new boolean[0] : projection.applyPaymentResults(payments));
        applied.record(refundEvents, refunds.isEmpty() ? new boolean[0] : projection.applyRefundResults(refunds));
        applied.record(disputeEvents, disputes.isEmpty() ? new boolean[0] : projection.applyDisputeMovements(disputes));
        applied.countAfterCommit();
    }

    void walletEvents(List<InboundEvent> events) {
        List<Movement> movements = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            switch (event.record()) {
                case WalletCredited e -> {
                    // a payment's credit, or a won dispute's reinstatement (dispute_id set)
                    id("movement_id", e.getMovementId());
                    id("payment_order_id", e.getPaymentOrderId());
                    id("seller_account", e.getSellerAccount());
                    optionalId("dispute_id", e.getDisputeId());
                    money(e.getAmountMinor(), e.getCurrency());
                    movements.add(new Movement(e.getMovementId(), "CREDIT", e.getPaymentOrderId(), null,
                            e.getDisputeId(), e.getSellerAccount(), e.getAmountMinor(), e.getCurrency(),
                            e.getBalanceAfterMinor(), e.getSourceEventId(), e.getOccurredAt()));
                }
                case WalletDebited e -> {
                    // a refund's debit or a dispute's withdrawal: exactly one of the two ids (v2)
                    id("movement_id", e.getMovementId());
                    boolean refund = optionalId("refund_id", e.getRefundId());
                    if (refund == optionalId("dispute_id", e.getDisputeId())) {
                        throw new InvalidEventException("exactly one of refund_id and dispute_id must be set");
                    }
                    id("seller_account", e.getSellerAccount());
                    money(e.getAmountMinor(), e.getCurrency());
                    movements.add(new Movement(e.getMovementId(), "DEBIT", e.getPaymentOrderId(),
                            e.getRefundId(), e.getDisputeId(), e.getSellerAccount(), e.getAmountMinor(),
                            e.getCurrency(), e.getBalanceAfterMinor(), e.getSourceEventId(), e.getOccurredAt()));
                }
                default -> throw unexpected(event);
            }
        }
        Applied applied = new Applied();
        applied.record(events, projection.insertMovements(movements));
        applied.countAfterCommit();
    }

    void ledgerEvents(List<InboundEvent> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            LedgerTransactionRecorded e = event.recordAs(LedgerTransactionRecorded.class);
            id("journal_entry_id", e.getJournalEntryId());
            id("payment_order_id", e.getPaymentOrderId());
            id("seller_account", e.getSellerAccount());
            money(e.getAmountMinor(), e.getCurrency());
            if (e.getKind() == LedgerEntryKind.REFUND) {
                id("refund_id", e.getRefundId());
            }
            boolean dispute = e.getKind() == LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN
                    || e.getKind() == LedgerEntryKind.DISPUTE_FUNDS_REINSTATED;
            if (dispute != optionalId("dispute_id", e.getDisputeId())) {
                throw new InvalidEventException("dispute_id must be set for a dispute's entry and only then, kind "
                        + e.getKind());
            }
            List<Line> lines = new ArrayList<>(e.getLines().size());
            for (JournalLine line : e.getLines()) {
                id("lines.account", line.getAccount());
                money(line.getAmountMinor(), line.getCurrency());
                lines.add(new Line(line.getAccount(), line.getSide().name(), line.getAmountMinor(), line.getCurrency()));
            }
            entries.add(new Entry(e.getJournalEntryId(), e.getKind().name(), e.getPaymentOrderId(),
                    e.getRefundId(), e.getDisputeId(), e.getSellerAccount(), e.getAmountMinor(),
                    e.getCurrency(), e.getSourceEventId(), e.getOccurredAt(), lines));
        }
        Applied applied = new Applied();
        applied.record(events, projection.insertEntries(entries));
        applied.countAfterCommit();
    }

    /**
     * What a batch changed, per event type, counted once the transaction commits: a batch that rolls back and is
     * applied again one event at a time is counted once. A duplicate or a stale event changes nothing; it is
     * acknowledged, and logged at DEBUG only, since redeliveries are routine.
     */
    private final class Applied {

        private final Map<String, long[]> byType = new LinkedHashMap<>(); // type -> {changed, unchanged}

        void record(List<InboundEvent> events, boolean[] changed) {
            for (int i = 0; i < changed.length; i++) {
                InboundEvent event = events.get(i);
                String type = event.record().getSchema().getName();
                byType.computeIfAbsent(type, t -> new long[2])[changed[i] ? 0 : 1]++;
                if (!changed[i] && log.isDebugEnabled()) {
                    log.debug("{} {} (payment order {}) changed nothing in the projection (duplicate, or a success "
                            + "is already recorded)", type, event.eventId(), event.key());
                }
            }
        }

        void countAfterCommit() {
            Runnable count = () -> byType.forEach((type, counts) -> {
                increment(type, true, counts[0]);
                increment(type, false, counts[1]);
            });
            AfterCommit.run(count);
        }

        private void increment(String type, boolean changed, long amount) {
            if (amount > 0) {
                meters.counter("kassa.reconciliation.projection.events", "type", type, "applied",
                        Boolean.toString(changed)).increment(amount);
            }
        }
    }

    private static void disputeChecks(String disputeId, String paymentOrderId, String sellerAccount, String pspReference,
                                      long amountMinor, String currency, long feeMinor) {
        id("dispute_id", disputeId);
        id("payment_order_id", paymentOrderId);
        id("seller_account", sellerAccount);
        id("psp_reference", pspReference);
        money(amountMinor, currency);
        notNegative("fee_minor", feeMinor);
    }

    private static InvalidEventException unexpected(InboundEvent event) {
        return new InvalidEventException("Unexpected record type " + event.record().getSchema().getFullName()
                + " on " + event.topic());
    }
}
