package dev.kassa.payment.orderapi;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.payment.risk.RiskDecision;
import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/payment-orders/{id}}: the checkout's order summary plus attempts, PSP reference, refunds, and
 * the attempts the risk check stopped ({@code risk_decisions}).
 */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(description = "One payment order: the charge for one seller, with its attempts, refunds and the risk check's"
        + " stops.")
record PaymentOrderDetails(@Schema(example = "po_1001_1") String paymentOrderId,
                           @Schema(example = "chk_1001") String checkoutId,
                           @Schema(example = "seller_1") String sellerAccount,
                           @Schema(description = "A decimal in the currency's minor units", example = "10.50")
                           String amount,
                           @Schema(example = "USD") String currency,
                           @Schema(description = "As on the checkout: the stored status, or PARTIALLY_REFUNDED,"
                                   + " REFUNDED, DISPUTED or CHARGED_BACK for a succeeded order",
                                   allowableValues = {"NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED",
                                        "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "CHARGED_BACK"})
                           String status,
                           @Schema(description = "wallet-service credited the seller") boolean walletUpdated,
                           @Schema(description = "ledger-service recorded the payment") boolean ledgerUpdated,
                           @Schema(nullable = true, description = "Why it FAILED: the PSP's decline code, or"
                                   + " `risk_blocked`", example = "card_declined") String failureCode,
                           @Schema(nullable = true, description = "The failure, for people") String failureMessage,
                           @Schema(description = "The current attempt, from 1; each retry is a new PSP idempotency"
                                   + " key `<payment_order_id>:<attempt>`", example = "1") int attempts,
                           @Schema(nullable = true, description = "The PSP's payment intent, once it was called",
                                   example = "pi_3Q0abc") String pspReference,
                           @Schema(description = "What succeeded refunds gave back, a decimal", example = "0.00")
                           String refundedAmount,
                           @Schema(description = "Its refunds, oldest first") List<RefundView> refunds,
                           @Schema(description = "Attempts the risk check stopped before the PSP was called")
                           List<RiskDecision> riskDecisions,
                           Instant createdAt, Instant updatedAt) {

    public static PaymentOrderDetails of(PaymentOrder order, List<RefundView> refunds,
                                         List<RiskDecision> riskDecisions) {
        return new PaymentOrderDetails(order.paymentOrderId(), order.checkoutId(), order.sellerAccount(),
                Money.formatMinor(order.amountMinor(), order.currency()), order.currency(), order.displayStatus(),
                order.walletUpdated(), order.ledgerUpdated(), order.failureCode(), order.failureMessage(),
                order.attempt(), order.pspReference(), Money.formatMinor(order.refundedMinor(), order.currency()),
                refunds, riskDecisions, order.createdAt(), order.updatedAt());
    }
}
