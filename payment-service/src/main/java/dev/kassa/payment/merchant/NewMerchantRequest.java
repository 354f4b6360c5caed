package dev.kassa.payment.merchant;

import dev.kassa.web.validation.KassaId;
import dev.kassa.web.validation.NoCardNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /admin/merchants}: the merchant's id (the id rule) and a name for people. */
@JsonNaming(SnakeCaseStrategy.class)
record NewMerchantRequest(@Schema(description = "The merchant's id, chosen by the operator", example = "m_shop")
                          @NotNull(message = "is required") @KassaId String merchantId,
                          @Schema(description = "A name for people, on receipts", example = "Corner Shop")
                          @NotNull(message = "is required")
                          @Size(min = 1, max = 200, message = "must be 1-{max} characters")
                          @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank")
                          @NoCardNumber String name) {
}
