package dev.kassa.payment.checkout;

import dev.kassa.payment.api.IpAddress;
import dev.kassa.payment.api.ValidAmount;
import dev.kassa.web.validation.KassaId;
import dev.kassa.web.validation.NoCardNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/payments} with the rules of the API contract; Bean Validation reports every
 * violation at once, each naming its field. A card number is refused wherever it appears (ids by the id
 * rule, free text by {@link NoCardNumber}); the body's JSON strictness is the web module's. {@code client_address}
 * (optional) is the buyer's IP address as the checkout frontend saw it, for the risk check's address rule.
 */
@JsonNaming(SnakeCaseStrategy.class)
@DistinctPaymentOrderIds
record CheckoutRequest(@NotNull(message = "is required") @KassaId String checkoutId,
                              @NotNull(message = "is required") @Valid BuyerInfo buyerInfo,
                              @NotNull(message = "is required") @Valid CreditCardInfo creditCardInfo,
                              @NotNull(message = "is required")
                              @Size(min = 1, max = MAX_ORDERS, message = "must hold 1-{max} orders")
                              List<@NotNull(message = "must be an object") @Valid PaymentOrderRequest> paymentOrders,
                              @IpAddress String clientAddress) {

    static final int MAX_ORDERS = 50;

    @JsonNaming(SnakeCaseStrategy.class)
    public record BuyerInfo(@NotNull(message = "is required") @KassaId String userId,
                            @NotNull(message = "is required")
                            // Pragmatic: one '@', no spaces, a dot in the domain; the PSP or mailer checks the rest.
                            @Pattern(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", message = "is not a valid email address")
                            @Size(max = 254, message = "is not a valid email address")
                            @NoCardNumber String email,
                            @Size(min = 1, max = 200, message = "must be 1-{max} characters when present")
                            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when present")
                            @NoCardNumber String name) {
    }

    /** A PSP token and the last four digits for display; never a card number. */
    @JsonNaming(SnakeCaseStrategy.class)
    public record CreditCardInfo(@NotBlank(message = "is required (a PSP payment method token)")
                                 @Size(max = 255, message = "must be a PSP token of 1-{max} characters")
                                 @Pattern(regexp = "[A-Za-z0-9_-]*", message = "must be a PSP token of A-Z, a-z, 0-9, '_' or '-'")
                                 @NoCardNumber String token,
                                 @NotNull(message = "is required")
                                 @Pattern(regexp = "[0-9]{4}", message = "must be exactly 4 digits") String last4) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @ValidAmount
    public record PaymentOrderRequest(@NotNull(message = "is required") @KassaId String paymentOrderId,
                                      @NotNull(message = "is required") @KassaId String sellerAccount,
                                      String amount,
                                      String currency) implements ValidAmount.Priced {
    }
}
