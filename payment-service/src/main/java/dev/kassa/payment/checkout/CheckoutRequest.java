package dev.kassa.payment.checkout;

import dev.kassa.payment.api.IpAddress;
import dev.kassa.payment.api.ValidAmount;
import dev.kassa.web.validation.KassaId;
import dev.kassa.web.validation.NoCardNumber;
import io.swagger.v3.oas.annotations.media.Schema;
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
 *
 * <p>The patterns are anchored, and in the syntax Java and ECMA 262 share: the OpenAPI document shows them, and its
 * patterns match anywhere in a value unless anchored.
 */
@JsonNaming(SnakeCaseStrategy.class)
@DistinctPaymentOrderIds
record CheckoutRequest(@Schema(description = "The merchant's id of the checkout (1-64 of A-Z, a-z, 0-9, `_`, `-`):"
                               + " sending the same body with it again is answered 200, another body 409",
                               example = "chk_1001")
                       @NotNull(message = "is required") @KassaId String checkoutId,
                       @NotNull(message = "is required") @Valid BuyerInfo buyerInfo,
                       @NotNull(message = "is required") @Valid CreditCardInfo creditCardInfo,
                       @Schema(description = "One order per seller charge, each with an id of the merchant's")
                       @NotNull(message = "is required")
                       @Size(min = 1, max = MAX_ORDERS, message = "must hold 1-{max} orders")
                       List<@NotNull(message = "must be an object") @Valid PaymentOrderRequest> paymentOrders,
                       @Schema(description = "The buyer's IP address as the checkout frontend saw it, for the risk"
                               + " check's address rule", example = "203.0.113.7")
                       @IpAddress String clientAddress) {

    static final int MAX_ORDERS = 50;

    @JsonNaming(SnakeCaseStrategy.class)
    public record BuyerInfo(@Schema(description = "The merchant's id of the buyer", example = "u_1")
                            @NotNull(message = "is required") @KassaId String userId,
                            @Schema(example = "buyer@example.com")
                            @NotNull(message = "is required")
                            // Pragmatic: one '@', no spaces, a dot in the domain; the PSP or mailer checks the rest.
                            @Pattern(regexp = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$",
                                    message = "is not a valid email address")
                            @Size(max = 254, message = "is not a valid email address")
                            @NoCardNumber String email,
                            @Schema(example = "Ada Lovelace")
                            @Size(min = 1, max = 200, message = "must be 1-{max} characters when present")
                            @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank when present")
                            @NoCardNumber String name) {
    }

    /** A PSP token and the last four digits for display; never a card number. */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(description = "The card as the PSP's payment method token; a card number is refused wherever it appears")
    public record CreditCardInfo(@Schema(description = "The PSP's payment method token", example = "tok_visa")
                                 @NotBlank(message = "is required (a PSP payment method token)")
                                 @Size(max = 255, message = "must be a PSP token of 1-{max} characters")
                                 @Pattern(regexp = "^[A-Za-z0-9_-]*$",
                                         message = "must be a PSP token of A-Z, a-z, 0-9, '_' or '-'")
                                 @NoCardNumber String token,
                                 @Schema(description = "The card's last four digits, for receipts", example = "4242")
                                 @NotNull(message = "is required")
                                 @Pattern(regexp = "^[0-9]{4}$", message = "must be exactly 4 digits") String last4) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @ValidAmount
    public record PaymentOrderRequest(@Schema(description = "The merchant's id of the order, unique across its"
                                              + " checkouts", example = "po_1001_1")
                                      @NotNull(message = "is required") @KassaId String paymentOrderId,
                                      @Schema(description = "The seller to credit: a seller belongs to the first"
                                              + " merchant that charges for it", example = "seller_1")
                                      @NotNull(message = "is required") @KassaId String sellerAccount,
                                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A positive"
                                              + " decimal string in the currency's minor units (`10.50` USD, `1050`"
                                              + " JPY), at most the configured maximum (999999.99; JPY 10000000)",
                                              example = "10.50")
                                      String amount,
                                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                              description = "ISO 4217, upper case", example = "USD")
                                      String currency) implements ValidAmount.Priced {
    }
}
