package dev.kassa.reconciliation.projection;

import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection's writes, one guarded upsert per event type; each is idempotent on its own (the inbox
 * is the first line, these keys the second) and correct in any arrival order: a success is final for a
 * payment order or refund, a failure only replaces an older failure.
 */
@Repository
public class ProjectionRepository {

    private final JdbcClient jdbc;

    ProjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the order was already known as succeeded (a duplicate) */
    public boolean paymentSucceeded(PaymentOrderSucceeded e) {
        return jdbc.sql("""
                        INSERT INTO platform_payment (payment_order_id, checkout_id, seller_account, amount_minor, currency,
                                                      status, psp_reference, succeeded_at)
                        VALUES (:order, :checkout, :seller, :amount, :currency, 'SUCCEEDED', :pspReference, :at)
                        ON CONFLICT (payment_order_id) DO UPDATE
                           SET checkout_id = excluded.checkout_id, seller_account = excluded.seller_account,
                               amount_minor = excluded.amount_minor, currency = excluded.currency, status = 'SUCCEEDED',
                               psp_reference = excluded.psp_reference, succeeded_at = excluded.succeeded_at, updated_at = now()
                         WHERE platform_payment.status <> 'SUCCEEDED'""")
                .param("order", e.getPaymentOrderId())
                .param("checkout", e.getCheckoutId())
                .param("seller", e.getSellerAccount())
                .param("amount", e.getAmountMinor())
                .param("currency", e.getCurrency())
                .param("pspReference", e.getPspReference())
                .param("at", utc(e.getOccurredAt()))
                .update() == 1;
    }

    /** @return false if the order already succeeded or a newer failure is known */
    public boolean paymentFailed(PaymentOrderFailed e) {
        return jdbc.sql("""
                        INSERT INTO platform_payment (payment_order_id, checkout_id, seller_account, amount_minor, currency,
                                                      status, psp_reference, failed_at, failure_code)
                        VALUES (:order, :checkout, :seller, :amount, :currency, 'FAILED', :pspReference, :at, :code)
                        ON CONFLICT (payment_order_id) DO UPDATE
                           SET psp_reference = coalesce(excluded.psp_reference, platform_payment.psp_reference),
                               failed_at = excluded.failed_at, failure_code = excluded.failure_code, updated_at = now()
                         WHERE platform_payment.status = 'FAILED' AND platform_payment.failed_at < excluded.failed_at""")
                .param("order", e.getPaymentOrderId())
                .param("checkout", e.getCheckoutId())
                .param("seller", e.getSellerAccount())
                .param("amount", e.getAmountMinor())
                .param("currency", e.getCurrency())
                .param("pspReference", e.getPspReference())
                .param("at", utc(e.getOccurredAt()))
                .param("code", e.getFailureCode())
                .update() == 1;
    }

    public boolean refundSucceeded(RefundSucceeded e) {
        return jdbc.sql("""
                        INSERT INTO platform_refund (refund_id, payment_order_id, checkout_id, seller_account, amount_minor,
                                                     currency, status, psp_reference, psp_refund_reference, succeeded_at)
                        VALUES (:refund, :order, :checkout, :seller, :amount, :currency, 'SUCCEEDED', :pspReference,
                                :pspRefundReference, :at)
                        ON CONFLICT (refund_id) DO UPDATE
                           SET payment_order_id = excluded.payment_order_id, checkout_id = excluded.checkout_id,
                               seller_account = excluded.seller_account, amount_minor = excluded.amount_minor,
                               currency = excluded.currency, status = 'SUCCEEDED', psp_reference = excluded.psp_reference,
                               psp_refund_reference = excluded.psp_refund_reference, succeeded_at = excluded.succeeded_at,
                               updated_at = now()
                         WHERE platform_refund.status <> 'SUCCEEDED'""")
                .param("refund", e.getRefundId())
                .param("order", e.getPaymentOrderId())
                .param("checkout", e.getCheckoutId())
                .param("seller", e.getSellerAccount())
                .param("amount", e.getAmountMinor())
                .param("currency", e.getCurrency())
                .param("pspReference", e.getPspReference())
                .param("pspRefundReference", e.getPspRefundReference())
                .param("at", utc(e.getOccurredAt()))
                .update() == 1;
    }

    public boolean refundFailed(RefundFailed e) {
        return jdbc.sql("""
                        INSERT INTO platform_refund (refund_id, payment_order_id, checkout_id, seller_account, amount_minor,
                                                     currency, status, psp_reference, psp_refund_reference, failed_at, failure_code)
                        VALUES (:refund, :order, :checkout, :seller, :amount, :currency, 'FAILED', :pspReference,
                                :pspRefundReference, :at, :code)
                        ON CONFLICT (refund_id) DO UPDATE
                           SET psp_refund_reference = coalesce(excluded.psp_refund_reference, platform_refund.psp_refund_reference),
                               failed_at = excluded.failed_at, failure_code = excluded.failure_code, updated_at = now()
                         WHERE platform_refund.status = 'FAILED' AND platform_refund.failed_at < excluded.failed_at""")
                .param("refund", e.getRefundId())
                .param("order", e.getPaymentOrderId())
                .param("checkout", e.getCheckoutId())
                .param("seller", e.getSellerAccount())
                .param("amount", e.getAmountMinor())
                .param("currency", e.getCurrency())
                .param("pspReference", e.getPspReference())
                .param("pspRefundReference", e.getPspRefundReference())
                .param("at", utc(e.getOccurredAt()))
                .param("code", e.getFailureCode())
                .update() == 1;
    }

    public boolean walletCredited(WalletCredited e) {
        return walletMovement(e.getMovementId(), "CREDIT", e.getPaymentOrderId(), null, e.getSellerAccount(),
                e.getAmountMinor(), e.getCurrency(), e.getBalanceAfterMinor(), e.getSourceEventId(), e.getOccurredAt());
    }

    public boolean walletDebited(WalletDebited e) {
        return walletMovement(e.getMovementId(), "DEBIT", e.getPaymentOrderId(), e.getRefundId(), e.getSellerAccount(),
                e.getAmountMinor(), e.getCurrency(), e.getBalanceAfterMinor(), e.getSourceEventId(), e.getOccurredAt());
    }

    private boolean walletMovement(String movementId, String kind, String paymentOrderId, String refundId,
                                   String seller, long amountMinor, String currency, long balanceAfterMinor,
                                   String sourceEventId, Instant occurredAt) {
        return jdbc.sql("""
                        INSERT INTO wallet_movement (movement_id, kind, payment_order_id, refund_id, seller_account,
                                                     amount_minor, currency, balance_after_minor, source_event_id, occurred_at)
                        VALUES (:movement, :kind, :order, :refund, :seller, :amount, :currency, :balanceAfter, :source, :at)
                        ON CONFLICT (movement_id) DO NOTHING""")
                .param("movement", movementId)
                .param("kind", kind)
                .param("order", paymentOrderId)
                .param("refund", refundId)
                .param("seller", seller)
                .param("amount", amountMinor)
                .param("currency", currency)
                .param("balanceAfter", balanceAfterMinor)
                .param("source", sourceEventId)
                .param("at", utc(occurredAt))
                .update() == 1;
    }

    /** The entry and its lines; the lines are written only by the call that inserted the entry. */
    public boolean ledgerTransactionRecorded(LedgerTransactionRecorded e) {
        boolean inserted = jdbc.sql("""
                        INSERT INTO ledger_entry (journal_entry_id, kind, payment_order_id, refund_id, seller_account,
                                                  amount_minor, currency, source_event_id, occurred_at)
                        VALUES (:entry, :kind, :order, :refund, :seller, :amount, :currency, :source, :at)
                        ON CONFLICT (journal_entry_id) DO NOTHING""")
                .param("entry", e.getJournalEntryId())
                .param("kind", e.getKind().name())
                .param("order", e.getPaymentOrderId())
                .param("refund", e.getRefundId())
                .param("seller", e.getSellerAccount())
                .param("amount", e.getAmountMinor())
                .param("currency", e.getCurrency())
                .param("source", e.getSourceEventId())
                .param("at", utc(e.getOccurredAt()))
                .update() == 1;
        if (inserted) {
            List<JournalLine> lines = e.getLines();
            for (int i = 0; i < lines.size(); i++) {
                JournalLine line = lines.get(i);
                jdbc.sql("""
                                INSERT INTO ledger_line (journal_entry_id, line_no, account, side, amount_minor, currency)
                                VALUES (:entry, :lineNo, :account, :side, :amount, :currency)""")
                        .param("entry", e.getJournalEntryId())
                        .param("lineNo", i + 1)
                        .param("account", line.getAccount())
                        .param("side", line.getSide().name())
                        .param("amount", line.getAmountMinor())
                        .param("currency", line.getCurrency())
                        .update();
            }
        }
        return inserted;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
