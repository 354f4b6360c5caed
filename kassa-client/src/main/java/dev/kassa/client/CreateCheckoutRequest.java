package dev.kassa.client;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/payments}. The {@code checkout_id} is the idempotency key: the same id with the same body
 * creates one checkout however often it is sent (which is what lets the client send it again after a timeout or a 5xx);
 * the same id with another body is a 409. Ids are 1–64 characters of {@code A-Z a-z 0-9 _ -}; the server checks them and
 * every other rule, and answers a 400 naming each offending field.
 *
 * @param clientAddress optional: the buyer's IP address as the frontend saw it (the risk check's address rule)
 */
@JsonNaming(SnakeCaseStrategy.class)
public record CreateCheckoutRequest(String checkoutId, BuyerInfo buyerInfo, CreditCardInfo creditCardInfo,
                                    List<PaymentOrderRequest> paymentOrders, String clientAddress) {

    public CreateCheckoutRequest {
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(buyerInfo, "buyerInfo");
        Objects.requireNonNull(creditCardInfo, "creditCardInfo");
        paymentOrders = List.copyOf(Objects.requireNonNull(paymentOrders, "paymentOrders"));
    }

    /** A checkout without a client address. */
    public CreateCheckoutRequest(String checkoutId, BuyerInfo buyerInfo, CreditCardInfo creditCardInfo,
                                 List<PaymentOrderRequest> paymentOrders) {
        this(checkoutId, buyerInfo, creditCardInfo, paymentOrders, null);
    }

    /** @param name optional, the buyer's name */
    @JsonNaming(SnakeCaseStrategy.class)
    public record BuyerInfo(String userId, String email, String name) {
        public BuyerInfo {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
        }
    }

    /** A PSP payment method token and the card's last four digits for display; never a card number. */
    @JsonNaming(SnakeCaseStrategy.class)
    public record CreditCardInfo(String token, String last4) {
        public CreditCardInfo {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(last4, "last4");
        }
    }

    /** One payment to one seller; {@code amount} a decimal string in {@code currency}'s units. */
    @JsonNaming(SnakeCaseStrategy.class)
    public record PaymentOrderRequest(String paymentOrderId, String sellerAccount, String amount, String currency) {
        public PaymentOrderRequest {
            Objects.requireNonNull(paymentOrderId, "paymentOrderId");
            Objects.requireNonNull(sellerAccount, "sellerAccount");
            Money.of(amount, currency); // a plain decimal and a currency
        }

        public PaymentOrderRequest(String paymentOrderId, String sellerAccount, Money money) {
            this(paymentOrderId, sellerAccount, money.amount(), money.currency());
        }

        public Money money() {
            return Money.of(amount, currency);
        }
    }
}
