package dev.kassa.reconciliation.projection;

import static dev.kassa.reconciliation.projection.EventChecks.id;
import static dev.kassa.reconciliation.projection.EventChecks.money;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projection's three consumers, group {@code reconciliation-service}, declared through the messaging
 * module: it runs each handler in one transaction with the inbox row, retries through the group's retry
 * topics and dead-letters invalid content.
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
        return EventConsumer.of(Topics.PAYMENT_RESULTS, ConsumerGroups.RECONCILIATION_SERVICE, this::paymentResult);
    }

    @Bean
    EventConsumer walletEventsProjection() {
        return EventConsumer.of(Topics.WALLET_EVENTS, ConsumerGroups.RECONCILIATION_SERVICE, this::walletEvent);
    }

    @Bean
    EventConsumer ledgerEventsProjection() {
        return EventConsumer.of(Topics.LEDGER_EVENTS, ConsumerGroups.RECONCILIATION_SERVICE, this::ledgerEvent);
    }

    void paymentResult(InboundEvent event) {
        switch (event.record()) {
            case PaymentOrderSucceeded e -> {
                id("payment_order_id", e.getPaymentOrderId());
                id("psp_reference", e.getPspReference());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.paymentSucceeded(e));
            }
            case PaymentOrderFailed e -> {
                id("payment_order_id", e.getPaymentOrderId());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.paymentFailed(e));
            }
            case RefundSucceeded e -> {
                id("refund_id", e.getRefundId());
                id("payment_order_id", e.getPaymentOrderId());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.refundSucceeded(e));
            }
            case RefundFailed e -> {
                id("refund_id", e.getRefundId());
                id("payment_order_id", e.getPaymentOrderId());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.refundFailed(e));
            }
            default -> throw unexpected(event);
        }
    }

    void walletEvent(InboundEvent event) {
        switch (event.record()) {
            case WalletCredited e -> {
                id("movement_id", e.getMovementId());
                id("payment_order_id", e.getPaymentOrderId());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.walletCredited(e));
            }
            case WalletDebited e -> {
                id("movement_id", e.getMovementId());
                id("refund_id", e.getRefundId());
                id("seller_account", e.getSellerAccount());
                money(e.getAmountMinor(), e.getCurrency());
                applied(e.getSchema().getName(), projection.walletDebited(e));
            }
            default -> throw unexpected(event);
        }
    }

    void ledgerEvent(InboundEvent event) {
        LedgerTransactionRecorded e = event.recordAs(LedgerTransactionRecorded.class);
        id("journal_entry_id", e.getJournalEntryId());
        id("payment_order_id", e.getPaymentOrderId());
        id("seller_account", e.getSellerAccount());
        money(e.getAmountMinor(), e.getCurrency());
        if (e.getKind() == LedgerEntryKind.REFUND) {
            id("refund_id", e.getRefundId());
        }
        for (JournalLine line : e.getLines()) {
            id("lines.account", line.getAccount());
            money(line.getAmountMinor(), line.getCurrency());
        }
        applied(e.getSchema().getName(), projection.ledgerTransactionRecorded(e));
    }

    /** A duplicate or a stale event changes nothing: logged and acknowledged. */
    private void applied(String type, boolean changed) {
        meters.counter("kassa.reconciliation.projection.events", "type", type, "applied", Boolean.toString(changed))
                .increment();
        if (!changed) {
            log.info("{} changed nothing in the projection (duplicate, or a success is already recorded)", type);
        }
    }

    private static InvalidEventException unexpected(InboundEvent event) {
        return new InvalidEventException("Unexpected record type " + event.record().getSchema().getFullName()
                + " on " + event.topic());
    }
}
