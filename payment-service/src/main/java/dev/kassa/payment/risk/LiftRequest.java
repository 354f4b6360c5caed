package dev.kassa.payment.risk;

import dev.kassa.web.validation.NoCardNumber;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/risk/blocks/{block_id}/lift}: why the operator lifts it, kept with the block and audited. */
record LiftRequest(@NotNull(message = "is required") @Size(min = 1, max = 500, message = "must be 1-{max} characters")
                   @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank")
                   @NoCardNumber String reason) {
}
