package dev.kassa.payment.dispute;

import dev.kassa.web.validation.NoCardNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/disputes/{id}/evidence}: the PSP's evidence fields by Stripe's names
 * ({@code customer_communication}, {@code shipping_tracking_number}, {@code uncategorized_text}, ...; the PSP refuses an
 * unknown one), and whether to submit them now ({@code submit}, default true) or only stage them.
 */
record EvidenceRequest(@Schema(description = "The PSP's evidence fields by Stripe's names, at most 30, each text of"
                               + " at most 20,000 characters", example = "{\"customer_communication\": \"The buyer"
                               + " confirmed delivery by email on 2 Dec.\", \"shipping_tracking_number\": \"1Z999\"}")
                       @NotNull(message = "is required") @NotEmpty(message = "must name at least one field")
                       @Size(max = 30, message = "must have at most {max} fields")
                       Map<@Pattern(regexp = "[a-z_]{1,64}", message = "must be a field name of a-z and '_'") String,
                               @NotNull(message = "must be text") @Size(max = 20_000, message = "must be at most {max} characters")
                               @NoCardNumber String> evidence,
                       @Schema(description = "Submit now (default), or false to only stage the evidence")
                       Boolean submit) {

    boolean submitNow() {
        return submit == null || submit;
    }
}
