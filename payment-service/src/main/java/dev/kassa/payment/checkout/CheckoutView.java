package dev.kassa.payment.checkout;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The API's view of a checkout (contract: snake_case, amounts as decimal strings). */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(description = "A checkout: PROCESSING until every payment order has its outcome, then COMPLETED (back to"
        + " PROCESSING while a failed order is retried).")
record CheckoutView(@Schema(example = "chk_1001") String checkoutId,
                    @Schema(allowableValues = {"PROCESSING", "COMPLETED"}) String status,
                    List<PaymentOrderSummary> paymentOrders, Instant createdAt) {

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(description = "One payment order of a checkout: the charge for one seller.")
    public record PaymentOrderSummary(@Schema(example = "po_1001_1") String paymentOrderId,
                                      @Schema(example = "seller_1") String sellerAccount,
                                      @Schema(description = "A decimal in the currency's minor units",
                                              example = "10.50") String amount,
                                      @Schema(example = "USD") String currency,
                                      @Schema(description = "NOT_STARTED → EXECUTING → SUCCEEDED or FAILED; a"
                                              + " succeeded order shows PARTIALLY_REFUNDED or REFUNDED once refunded,"
                                              + " DISPUTED under dispute and CHARGED_BACK once a dispute was lost or"
                                              + " accepted",
                                              allowableValues = {"NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED",
                                                      "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "CHARGED_BACK"})
                                      String status,
                                      @Schema(description = "wallet-service credited the seller")
                                      boolean walletUpdated,
                                      @Schema(description = "ledger-service recorded the payment")
                                      boolean ledgerUpdated,
                                      @Schema(nullable = true, description = "Why it FAILED: the PSP's decline code, or"
                                              + " `risk_blocked`", example = "card_declined")
                                      String failureCode) {

        static PaymentOrderSummary of(PaymentOrder order) {
            return new PaymentOrderSummary(order.paymentOrderId(), order.sellerAccount(),
                    Money.formatMinor(order.amountMinor(), order.currency()), order.currency(), order.displayStatus(),
                    order.walletUpdated(), order.ledgerUpdated(), order.failureCode());
        }
    }

    static CheckoutView of(Checkout checkout, List<PaymentOrder> orders) {
        return new CheckoutView(checkout.checkoutId(), checkout.status().name(),
                orders.stream().map(PaymentOrderSummary::of).toList(), checkout.createdAt());
    }
}
