package dev.kassa.payment.receipt;

import dev.kassa.payment.checkout.Checkout;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.RefundStatus;
import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
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
record Receipt(@Schema(example = "chk_1001") String checkoutId,
               @Schema(allowableValues = {"PROCESSING", "COMPLETED"}) String checkoutStatus,
               Merchant merchant, Buyer buyer,
               @Schema(example = "4242") String cardLast4,
               List<Line> paymentOrders,
               @Schema(description = "One per currency") List<Total> totals,
               Instant createdAt,
               @Schema(nullable = true, description = "When every order had its outcome") Instant completedAt) {

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ReceiptMerchant")
    record Merchant(@Schema(nullable = true, description = "Null for a checkout stored before checkouts named their"
                            + " merchant")
                    String merchantId,
                    @Schema(nullable = true, example = "Corner Shop") String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ReceiptBuyer")
    record Buyer(@Schema(example = "u_1") String userId, @Schema(example = "buyer@example.com") String email,
                 @Schema(nullable = true, example = "Ada") String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ReceiptLine", description = "One payment order")
    record Line(@Schema(example = "po_1001_1") String paymentOrderId,
                @Schema(example = "seller_1") String sellerAccount,
                @Schema(example = "10.50") String amount, @Schema(example = "USD") String currency,
                @Schema(allowableValues = {"NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED",
                                          "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "CHARGED_BACK"})
                String status,
                @Schema(description = "What succeeded refunds gave back", example = "0.00") String refundedAmount,
                @Schema(nullable = true, example = "card_declined") String failureCode,
                @Schema(description = "Its refunds, oldest first, whatever their status") List<RefundLine> refunds) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ReceiptRefund")
    record RefundLine(String refundId, @Schema(example = "5.00") String amount,
                      @Schema(allowableValues = {"REQUESTED", "PENDING", "SUCCEEDED", "FAILED"}) String status,
                      Instant createdAt) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ReceiptTotal", description = "One currency's totals, decimals in its minor units")
    record Total(@Schema(example = "USD") String currency,
                 @Schema(description = "What the succeeded orders charged", example = "10.50") String charged,
                 @Schema(description = "What succeeded refunds gave back", example = "5.00") String refunded,
                 @Schema(description = "charged − refunded", example = "5.50") String net) {
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
