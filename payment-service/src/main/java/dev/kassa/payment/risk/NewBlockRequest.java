package dev.kassa.payment.risk;

import dev.kassa.web.validation.KassaId;
import dev.kassa.web.validation.NoCardNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /admin/risk/blocks}: a block-list entry. {@code value} is a PSP token ({@code token}), a buyer's
 * user id with its {@code merchant_id} ({@code buyer}: buyer ids are each merchant's own) or an IP address
 * ({@code address}); {@code expires_at} absent: until lifted. Which value fits the kind is {@link RiskBlockService}'s
 * check, as it needs both fields.
 */
@JsonNaming(SnakeCaseStrategy.class)
record NewBlockRequest(@Schema(allowableValues = {"token", "buyer", "address"})
                       @NotNull(message = "is required")
                       @Pattern(regexp = "^(token|buyer|address)$", message = "must be token, buyer or address")
                       String kind,
                       @Schema(description = "A PSP token, a buyer's `user_id` or an IPv4 or IPv6 address",
                               example = "203.0.113.7")
                       @NotBlank(message = "is required") @Size(max = 255, message = "must be at most {max} characters")
                       @NoCardNumber String value,
                       @Schema(description = "The buyer's merchant: required for a buyer, refused otherwise")
                       @KassaId String merchantId,
                       @NotNull(message = "is required") @Size(min = 1, max = 500, message = "must be 1-{max} characters")
                       @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank")
                       @NoCardNumber String reason,
                       @Schema(description = "When the block ends; absent: until lifted")
                       @Future(message = "must be in the future") Instant expiresAt) {
}
