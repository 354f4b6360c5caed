package dev.kassa.payment.merchant;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import dev.kassa.web.security.KassaActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/merchants/me}: whose key this is. A frontend checks its configuration with it, and wallet and
 * ledger, which keep no merchants, verify a merchant's key by showing it here (docs/architecture.md §11).
 */
@RestController
class MerchantSelfController {

    @GetMapping(path = "/api/v1/merchants/me", produces = MediaType.APPLICATION_JSON_VALUE)
    MerchantSelf me() {
        KassaActor actor = KassaActor.required();
        return new MerchantSelf(actor.merchantId(), actor.credentialId());
    }

    /** @param keyPrefix the visible part of the key that authenticated the call */
    @JsonNaming(SnakeCaseStrategy.class)
    record MerchantSelf(String merchantId, String keyPrefix) {
    }
}
