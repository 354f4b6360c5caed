package dev.kassa.payment.refund;

import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A refund as the API shows it. */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(description = "A refund: REQUESTED → (PENDING while the PSP settles it →) SUCCEEDED or FAILED.")
public record RefundView(@Schema(example = "rf_1001_1") String refundId,
                         @Schema(example = "po_1001_1") String paymentOrderId,
                         @Schema(description = "A decimal in the currency's minor units", example = "5.00")
                         String amount,
                         @Schema(example = "USD") String currency,
                         @Schema(allowableValues = {"REQUESTED", "PENDING", "SUCCEEDED", "FAILED"}) String status,
                         @Schema(nullable = true, description = "The PSP's refund, once it was called",
                                 example = "re_3Q0abc") String pspRefundReference,
                         @Schema(nullable = true, description = "Why it FAILED") String failureCode,
                         @Schema(nullable = true, description = "The failure, for people") String failureMessage,
                         Instant createdAt) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.refundId(), refund.paymentOrderId(),
                Money.formatMinor(refund.amountMinor(), refund.currency()), refund.currency(), refund.status().name(),
                refund.pspRefundReference(), refund.failureCode(), refund.failureMessage(), refund.createdAt());
    }
}
