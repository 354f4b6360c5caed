package dev.kassa.payment.refund;

import dev.kassa.schemas.money.Money;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A refund as the API shows it. */
@JsonNaming(SnakeCaseStrategy.class)
public record RefundView(String refundId, String paymentOrderId, String amount, String currency, String status,
                         String pspRefundReference, String failureCode, String failureMessage, Instant createdAt) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.refundId(), refund.paymentOrderId(),
                Money.formatMinor(refund.amountMinor(), refund.currency()), refund.currency(), refund.status().name(),
                refund.pspRefundReference(), refund.failureCode(), refund.failureMessage(), refund.createdAt());
    }
}
