package dev.kassa.payment.checkout;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.schemas.money.Money;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The API's view of a checkout (contract: snake_case, amounts as decimal strings). */
@JsonNaming(SnakeCaseStrategy.class)
record CheckoutView(String checkoutId, String status, List<PaymentOrderSummary> paymentOrders, Instant createdAt) {

    @JsonNaming(SnakeCaseStrategy.class)
    public record PaymentOrderSummary(String paymentOrderId, String sellerAccount, String amount, String currency,
                                      String status, boolean walletUpdated, boolean ledgerUpdated,
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
