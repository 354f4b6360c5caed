package dev.kassa.payment.orderapi;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.payment.risk.RiskDecision;
import dev.kassa.schemas.money.Money;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/payment-orders/{id}}: the checkout's order summary plus attempts, PSP reference, refunds, and
 * the attempts the risk check stopped ({@code risk_decisions}).
 */
@JsonNaming(SnakeCaseStrategy.class)
record PaymentOrderDetails(String paymentOrderId, String checkoutId, String sellerAccount, String amount,
                                  String currency, String status, boolean walletUpdated, boolean ledgerUpdated,
                                  String failureCode, String failureMessage, int attempts, String pspReference,
                                  String refundedAmount, List<RefundView> refunds,
                                  List<RiskDecision> riskDecisions, Instant createdAt, Instant updatedAt) {

    public static PaymentOrderDetails of(PaymentOrder order, List<RefundView> refunds,
                                         List<RiskDecision> riskDecisions) {
        return new PaymentOrderDetails(order.paymentOrderId(), order.checkoutId(), order.sellerAccount(),
                Money.formatMinor(order.amountMinor(), order.currency()), order.currency(), order.displayStatus(),
                order.walletUpdated(), order.ledgerUpdated(), order.failureCode(), order.failureMessage(),
                order.attempt(), order.pspReference(), Money.formatMinor(order.refundedMinor(), order.currency()),
                refunds, riskDecisions, order.createdAt(), order.updatedAt());
    }
}
