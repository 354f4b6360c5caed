package dev.kassa.payment.receipt;

import dev.kassa.payment.access.Ownership;
import dev.kassa.payment.checkout.Checkout;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.merchant.MerchantNames;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.web.KassaProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what a receipt shows, in one snapshot; a checkout another merchant owns is as unknown as a missing one. */
@Service
class ReceiptService {

    private final Checkouts checkouts;
    private final PaymentOrders orders;
    private final Refunds refunds;
    private final MerchantNames merchants;

    ReceiptService(Checkouts checkouts, PaymentOrders orders, Refunds refunds, MerchantNames merchants) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.refunds = refunds;
        this.merchants = merchants;
    }

    @Transactional(readOnly = true)
    Receipt receipt(String checkoutId) {
        Checkout checkout = checkouts.findById(checkoutId)
                .filter(found -> Ownership.visibleToCaller(found.merchantId()))
                .orElseThrow(() -> KassaProblem.notFound("checkout_id", checkoutId));
        List<PaymentOrder> checkoutOrders = orders.findByCheckoutId(checkoutId);
        Map<String, List<Refund>> refundsByOrder = checkoutOrders.isEmpty() ? Map.of()
                : refunds.findByPaymentOrderIdIn(checkoutOrders.stream().map(PaymentOrder::paymentOrderId).toList())
                        .stream().collect(Collectors.groupingBy(Refund::paymentOrderId));
        return Receipt.of(checkout, merchants.nameOf(checkout.merchantId()).orElse(null), checkoutOrders,
                refundsByOrder);
    }
}
