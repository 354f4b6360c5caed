package dev.kassa.payment.receipt;

import dev.kassa.payment.checkout.Checkout;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.RefundStatus;
import dev.kassa.schemas.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A checkout's receipt (contract: snake_case, amounts as decimal strings in their currency's minor units). Per
 * currency: what the succeeded orders charged, what succeeded refunds gave back, and the difference. A failed order
 * is listed with its failure code and charges nothing.
 */
@JsonNaming(SnakeCaseStrategy.class)
record Receipt(String checkoutId, String checkoutStatus, Merchant merchant, Buyer buyer, String cardLast4,
               List<Line> paymentOrders, List<Total> totals, Instant createdAt, Instant completedAt) {

    @JsonNaming(SnakeCaseStrategy.class)
    record Merchant(String merchantId, String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Buyer(String userId, String email, String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Line(String paymentOrderId, String sellerAccount, String amount, String currency, String status,
                String refundedAmount, String failureCode, List<RefundLine> refunds) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record RefundLine(String refundId, String amount, String status, Instant createdAt) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Total(String currency, String charged, String refunded, String net) {
    }

    /** @param refunds each order's refunds, oldest first */
    static Receipt of(Checkout checkout, String merchantName, List<PaymentOrder> orders,
                      Map<String, List<Refund>> refunds) {
        Map<String, long[]> byCurrency = new TreeMap<>(); // {charged, refunded} in minor units
        List<Line> lines = new ArrayList<>();
        for (PaymentOrder order : orders) {
            List<Refund> orderRefunds = refunds.getOrDefault(order.paymentOrderId(), List.of());
            long refunded = orderRefunds.stream().filter(refund -> refund.status() == RefundStatus.SUCCEEDED)
                    .mapToLong(Refund::amountMinor).sum();
            long[] total = byCurrency.computeIfAbsent(order.currency(), currency -> new long[2]);
            if (order.status() == PaymentOrderStatus.SUCCEEDED) {
                total[0] += order.amountMinor();
                total[1] += refunded;
            }
            lines.add(new Line(order.paymentOrderId(), order.sellerAccount(),
                    Money.formatMinor(order.amountMinor(), order.currency()), order.currency(), order.displayStatus(),
                    Money.formatMinor(refunded, order.currency()), order.failureCode(),
                    orderRefunds.stream().map(refund -> new RefundLine(refund.refundId(),
                            Money.formatMinor(refund.amountMinor(), refund.currency()), refund.status().name(),
                            refund.createdAt())).toList()));
        }
        List<Total> totals = byCurrency.entrySet().stream().map(entry -> new Total(entry.getKey(),
                Money.formatMinor(entry.getValue()[0], entry.getKey()),
                Money.formatMinor(entry.getValue()[1], entry.getKey()),
                Money.formatMinor(entry.getValue()[0] - entry.getValue()[1], entry.getKey()))).toList();
        return new Receipt(checkout.checkoutId(), checkout.status().name(),
                new Merchant(checkout.merchantId(), merchantName),
                new Buyer(checkout.buyerUserId(), checkout.buyerEmail(), checkout.buyerName()), checkout.cardLast4(),
                lines, totals, checkout.createdAt(), checkout.completedAt());
    }
}
