package dev.kassa.payment.checkout;

import dev.kassa.payment.access.Ownership;
import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditEntry;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.seller.SellerOwnership;
import dev.kassa.web.KassaProblem;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates checkouts idempotently, in ONE transaction: the checkout, its orders ({@code NOT_STARTED}) and the audit
 * row by one statement ({@link CheckoutCreation}), and one {@code PaymentOrderExecutionRequested} outbox row per order;
 * the insert returns the rows the answer shows, so nothing is read back. The database decides between
 * concurrent identical requests (primary key + request fingerprint), so exactly one creates anything. A checkout
 * of another merchant is answered as an unknown one.
 */
@Service
class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final Checkouts checkouts;
    private final PaymentOrders orders;
    private final PaymentEvents events;
    private final AuditTrail audit;
    private final SellerOwnership sellers;

    public CheckoutService(Checkouts checkouts, PaymentOrders orders, PaymentEvents events, AuditTrail audit,
                           SellerOwnership sellers) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.events = events;
        this.audit = audit;
        this.sellers = sellers;
    }

    /** @param created false when an identical request had created it before (the answer is then 200) */
    public record Outcome(CheckoutView checkout, boolean created) {
    }

    /**
     * @throws KassaProblem 409 when the checkout id was used with another body, an order id belongs to another
     *                    checkout, or a seller to another merchant (then nothing is written)
     */
    @Transactional
    public Outcome create(NewCheckout request) {
        List<NewPaymentOrder> requested = request.paymentOrders();
        AuditEntry audit = this.audit.entry(AuditAction.CHECKOUT_CREATED, request.checkoutId(), request.merchantId(),
                requested.size() + " payment order(s)");
        Optional<CheckoutCreation.Created> inserted = checkouts.insertIfAbsent(request, audit);
        if (inserted.isEmpty()) {
            Checkout existing = checkouts.findById(request.checkoutId()).orElseThrow();
            if (!existing.requestHash().equals(request.requestHash())) {
                throw KassaProblem.conflict("checkout_id", "was already used for a checkout with a different request body");
            }
            log.info("Checkout resubmitted with the same body: answering its current state");
            return new Outcome(view(existing), false);
        }
        // Every refusal below throws, which rolls back the checkout, its orders and its audit row inserted above.
        List<String> sellerAccounts = requested.stream().map(NewPaymentOrder::sellerAccount).toList();
        sellers.claim(request.merchantId(), sellerAccounts.stream().distinct().toList()).ifPresent(foreign -> {
            throw KassaProblem.conflict("payment_orders[" + sellerAccounts.indexOf(foreign) + "].seller_account",
                    "belongs to another merchant");
        });
        // The history trigger names the orders' creation itself: API, by merchant:<merchant_id>.
        List<String> ids = requested.stream().map(NewPaymentOrder::paymentOrderId).toList();
        List<PaymentOrder> created = inserted.get().orders();
        if (created.size() < ids.size()) {
            List<String> taken = orders.findIdsOwnedByOtherCheckouts(request.checkoutId(), ids);
            int index = taken.isEmpty() ? 0 : ids.indexOf(taken.getFirst());
            throw KassaProblem.conflict("payment_orders[" + index + "].payment_order_id",
                    "already belongs to another checkout");
        }
        for (PaymentOrder order : created) {
            events.executionRequested(order, request.paymentMethodToken());
        }
        log.info("Checkout created with {} payment order(s)", created.size());
        return new Outcome(CheckoutView.of(inserted.get().checkout(), created), true);
    }

    @Transactional(readOnly = true)
    public CheckoutView get(String checkoutId) {
        Checkout checkout = checkouts.findById(checkoutId)
                .filter(found -> Ownership.visibleToCaller(found.merchantId()))
                .orElseThrow(() -> KassaProblem.notFound("checkout_id", checkoutId));
        return view(checkout);
    }

    private CheckoutView view(Checkout checkout) {
        return CheckoutView.of(checkout, orders.findByCheckoutId(checkout.checkoutId()));
    }
}
