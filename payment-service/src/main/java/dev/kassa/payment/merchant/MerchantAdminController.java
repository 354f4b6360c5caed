package dev.kassa.payment.merchant;

import dev.kassa.payment.merchant.MerchantViews.KeyView;
import dev.kassa.payment.merchant.MerchantViews.MerchantView;
import dev.kassa.payment.merchant.MerchantViews.NewKeyView;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/merchants}: merchants and their secret keys, for operators (every operator role reads, OPERATOR
 * changes; see {@code PaymentAccessRules}). JSON only; refusals are the web module's problem details.
 */
@RestController
@RequestMapping(path = "/admin/merchants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Merchants", description = "Merchants and their secret keys (`sk_…`): every operator role reads, OPERATOR"
        + " creates merchants and creates and revokes keys. A key's hash is never shown, its secret once, at creation.")
class MerchantAdminController {

    private final MerchantService merchants;

    MerchantAdminController(MerchantService merchants) {
        this.merchants = merchants;
    }

    /** 201 for a new merchant, 200 for the same id and name again (idempotent), 409 for the id with another name. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createMerchant", summary = "Create a merchant",
            description = "OPERATOR. Idempotent: the same id and name again answer 200 with the merchant. It has no"
                    + " key yet: create one with `POST /admin/merchants/{merchant_id}/keys`.")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The merchant", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MerchantView.class)))
    @ApiResponse(responseCode = "200", description = "It existed already, with this name",
            headers = @Header(name = "Location", description = "The merchant", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MerchantView.class)))
    @ApiResponse(responseCode = "409", description = "The id exists with another name"
            + " (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<MerchantView> create(@Valid @RequestBody NewMerchantRequest body) {
        MerchantService.Outcome outcome = merchants.create(body.merchantId(), body.name());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/admin/merchants/" + body.merchantId())).body(outcome.merchant());
    }

    @GetMapping
    @Operation(operationId = "listMerchants", summary = "Merchants, newest first", description = "Every operator role.")
    public List<MerchantView> list(@Parameter(description = "At most this many, 1 to 500")
                                   @RequestParam(defaultValue = "50") int limit) {
        return merchants.newestFirst(limit);
    }

    @GetMapping("/{merchant_id}")
    @Operation(operationId = "getMerchant", summary = "A merchant", description = "Every operator role.")
    public MerchantView get(@Parameter(description = "The merchant", example = "m_shop")
                            @PathVariable("merchant_id") @KassaId String merchantId) {
        return merchants.get(merchantId);
    }

    @GetMapping("/{merchant_id}/keys")
    @Operation(operationId = "listMerchantKeys", summary = "A merchant's keys, oldest first, revoked ones too",
            description = "Every operator role. Shows each key's visible prefix and use, never its secret.")
    public List<KeyView> keys(@Parameter(description = "The merchant", example = "m_shop")
                              @PathVariable("merchant_id") @KassaId String merchantId) {
        return merchants.keys(merchantId);
    }

    /**
     * 201 with the new key's secret, shown this once; 409 when the merchant has two active keys. The body is read
     * only to refuse one that is not JSON (415) or not empty ({@code {}}, 400).
     */
    @PostMapping(path = "/{merchant_id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createMerchantKey", summary = "Create a secret key for a merchant",
            description = "OPERATOR. The answer is the only time the secret is shown. A merchant has at most two"
                    + " active keys: a rotation creates the second, moves the merchant's backends to it and revokes"
                    + " the first. No body, or `{}`.")
    @ApiResponse(responseCode = "201", description = "Created; `secret` is shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NewKeyView.class)))
    @ApiResponse(responseCode = "409", description = "The merchant has two active keys already, or another request"
            + " changed it at the same time (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<NewKeyView> createKey(@Parameter(description = "The merchant", example = "m_shop")
                                                @PathVariable("merchant_id") @KassaId String merchantId,
                                                @RequestBody(required = false) NewKeyRequest body) {
        NewKeyView key = merchants.createKey(merchantId);
        return ResponseEntity.status(HttpStatus.CREATED).body(key);
    }

    /** 200 with the revoked key, also when it was revoked before. */
    @DeleteMapping("/{merchant_id}/keys/{key_id}")
    @Operation(operationId = "revokeMerchantKey", summary = "Revoke a merchant's key",
            description = "OPERATOR. The key stops authenticating with the next request. Revoking a revoked key"
                    + " answers it as it is.")
    @ApiResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeyView.class)))
    @ApiResponse(responseCode = "409", description = "Another request changed the key at the same time; read it again"
            + " (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public KeyView revokeKey(@Parameter(description = "The merchant", example = "m_shop")
                             @PathVariable("merchant_id") @KassaId String merchantId,
                             @Parameter(description = "The key (`key_id`, not its secret)")
                             @PathVariable("key_id") @KassaId String keyId) {
        return merchants.revokeKey(merchantId, keyId);
    }
}
