package dev.kassa.payment.confirmation;

import dev.kassa.payment.checkout.CheckoutRepository;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderRepository;
import dev.kassa.payment.refund.RefundRepository;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * wallet-service's and ledger-service's confirmations: set {@code wallet_updated} / {@code ledger_updated}
 * (once; a flag already set is a duplicate) and complete the checkout when nothing is left to wait for.
 * Runs in the consumer's transaction with its inbox row.
 */
@Component
public class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final PaymentOrderRepository orders;
    private final RefundRepository refunds;
    private final CheckoutRepository checkouts;

    public Confirmations(PaymentOrderRepository orders, RefundRepository refunds, CheckoutRepository checkouts) {
        this.orders = orders;
        this.refunds = refunds;
        this.checkouts = checkouts;
    }

    public void walletCredited(WalletCredited event) {
        try (PaymentMdc mdc = PaymentMdc.of(event.getCheckoutId(), event.getPaymentOrderId())) {
            paymentConfirmed("wallet", orders.markWalletUpdated(event.getPaymentOrderId()));
        }
    }

    public void walletDebited(WalletDebited event) {
        try (PaymentMdc mdc = PaymentMdc.of(event.getCheckoutId(), event.getPaymentOrderId())) {
            refundConfirmed("wallet", event.getRefundId(), refunds.markWalletUpdated(event.getRefundId()));
        }
    }

    public void ledgerRecorded(LedgerTransactionRecorded event) {
        try (PaymentMdc mdc = PaymentMdc.of(event.getCheckoutId(), event.getPaymentOrderId())) {
            if (event.getKind() == LedgerEntryKind.REFUND) {
                refundConfirmed("ledger", event.getRefundId(),
                        event.getRefundId() != null && refunds.markLedgerUpdated(event.getRefundId()));
            } else {
                paymentConfirmed("ledger", orders.markLedgerUpdated(event.getPaymentOrderId()));
            }
        }
    }

    private void paymentConfirmed(String by, Optional<PaymentOrder> updated) {
        if (updated.isEmpty()) {
            log.info("Confirmation by {} ignored: already recorded, or no succeeded order of ours", by);
            return;
        }
        log.info("Payment recorded by {}", by);
        if (checkouts.completeIfDone(updated.get().checkoutId())) {
            log.info("Checkout COMPLETED");
        }
    }

    private static void refundConfirmed(String by, String refundId, boolean updated) {
        if (updated) {
            log.info("Refund {} recorded by {}", refundId, by);
        } else {
            log.info("Refund confirmation by {} for {} ignored: already recorded, or no refund of ours", by, refundId);
        }
    }
}
