package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A payment order as {@code GET /api/v1/payment-orders/{id}} (and its retry) answers it: the checkout's summary plus
 * attempts, the PSP's reference, what was refunded, its refunds and the attempts the risk check stopped.
 *
 * @param attempts       the PSP attempt; its idempotency key at the PSP is {@code <payment_order_id>:<attempts>}
 * @param refundedAmount what succeeded refunds gave back, a decimal string in {@code currency}
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentOrder(String paymentOrderId, String checkoutId, String sellerAccount, String amount,
                           String currency, PaymentOrderStatus status, boolean walletUpdated, boolean ledgerUpdated,
                           String failureCode, String failureMessage, int attempts, String pspReference,
                           String refundedAmount, List<Refund> refunds, List<RiskDecision> riskDecisions,
                           Instant createdAt, Instant updatedAt) {

    public PaymentOrder {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        riskDecisions = riskDecisions == null ? List.of() : List.copyOf(riskDecisions);
    }

    public Money money() {
        return Money.orNull(amount, currency);
    }

    public Money refundedMoney() {
        return Money.orNull(refundedAmount, currency);
    }
}
