package dev.kassa.payment.merchant;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import dev.kassa.web.security.KassaActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/merchants/me}: whose key this is. A frontend checks its configuration with it, and wallet and
 * ledger, which keep no merchants, verify a merchant's key by showing it here (docs/architecture.md §11).
 */
@RestController
@Tag(name = "Merchant key", description = "Whose key this is")
class MerchantSelfController {

    @GetMapping(path = "/api/v1/merchants/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getMerchantSelf", summary = "The merchant whose key authenticated this call",
            description = "Merchant keys only (an operator is refused, 403). A frontend checks its configuration with"
                    + " it; wallet-service and ledger-service, which keep no merchants, verify a merchant key they are"
                    + " shown by calling this with it.")
    MerchantSelf me() {
        KassaActor actor = KassaActor.required();
        return new MerchantSelf(actor.merchantId(), actor.credentialId());
    }

    /** @param keyPrefix the visible part of the key that authenticated the call */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "MerchantIdentity")
    record MerchantSelf(@Schema(example = "m_shop") String merchantId,
                        @Schema(description = "Which key authenticated the call (its visible start)",
                                example = "sk_live_4f2a") String keyPrefix) {
    }
}
