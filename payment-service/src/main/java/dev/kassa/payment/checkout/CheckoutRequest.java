package dev.kassa.payment.checkout;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /api/v1/payments} as the client sent it; {@link CheckoutRequestValidator} checks it. */
@JsonNaming(SnakeCaseStrategy.class)
public record CheckoutRequest(String checkoutId, BuyerInfo buyerInfo, CreditCardInfo creditCardInfo,
                              List<PaymentOrderRequest> paymentOrders) {

    @JsonNaming(SnakeCaseStrategy.class)
    public record BuyerInfo(String userId, String email, String name) {
    }

    /** A PSP token and the last four digits for display; never a card number. */
    @JsonNaming(SnakeCaseStrategy.class)
    public record CreditCardInfo(String token, String last4) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    public record PaymentOrderRequest(String paymentOrderId, String sellerAccount, String amount, String currency) {
    }
}
