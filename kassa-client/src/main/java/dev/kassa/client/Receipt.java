package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/payments/{checkout_id}/receipt} as JSON: the merchant, the buyer, the card's last four digits,
 * each order with its refunds, and per currency what succeeded orders charged, what succeeded refunds gave back and the
 * net. ({@link KassaClient#getReceiptHtml(String)} has the printable page.)
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Receipt(String checkoutId, CheckoutStatus checkoutStatus, Merchant merchant, Buyer buyer,
                      String cardLast4, List<Line> paymentOrders, List<Total> totals, Instant createdAt,
                      Instant completedAt) {

    public Receipt {
        paymentOrders = paymentOrders == null ? List.of() : List.copyOf(paymentOrders);
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Merchant(String merchantId, String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Buyer(String userId, String email, String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String paymentOrderId, String sellerAccount, String amount, String currency,
                       PaymentOrderStatus status, String refundedAmount, String failureCode, List<RefundLine> refunds) {

        public Line {
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }
    }

    /** A refund on the receipt; its currency is its order's. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefundLine(String refundId, String amount, RefundStatus status, Instant createdAt) {
    }

    /** Per currency: charged by succeeded orders, refunded by succeeded refunds, and the difference. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Total(String currency, String charged, String refunded, String net) {
    }
}
