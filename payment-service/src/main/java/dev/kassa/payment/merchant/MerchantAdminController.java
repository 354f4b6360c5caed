package dev.kassa.payment.merchant;

import dev.kassa.payment.merchant.MerchantViews.KeyView;
import dev.kassa.payment.merchant.MerchantViews.MerchantView;
import dev.kassa.payment.merchant.MerchantViews.NewKeyView;
import dev.kassa.web.validation.KassaId;
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
class MerchantAdminController {

    private final MerchantService merchants;

    MerchantAdminController(MerchantService merchants) {
        this.merchants = merchants;
    }

    /** 201 for a new merchant, 200 for the same id and name again (idempotent), 409 for the id with another name. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MerchantView> create(@Valid @RequestBody NewMerchantRequest body) {
        MerchantService.Outcome outcome = merchants.create(body.merchantId(), body.name());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/admin/merchants/" + body.merchantId())).body(outcome.merchant());
    }

    @GetMapping
    public List<MerchantView> list(@RequestParam(defaultValue = "50") int limit) {
        return merchants.newestFirst(limit);
    }

    @GetMapping("/{merchant_id}")
    public MerchantView get(@PathVariable("merchant_id") @KassaId String merchantId) {
        return merchants.get(merchantId);
    }

    @GetMapping("/{merchant_id}/keys")
    public List<KeyView> keys(@PathVariable("merchant_id") @KassaId String merchantId) {
        return merchants.keys(merchantId);
    }

    /**
     * 201 with the new key's secret, shown this once; 409 when the merchant has two active keys. The body is read
     * only to refuse one that is not JSON (415) or not empty ({@code {}}, 400).
     */
    @PostMapping(path = "/{merchant_id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NewKeyView> createKey(@PathVariable("merchant_id") @KassaId String merchantId,
                                                @RequestBody(required = false) NewKeyRequest body) {
        NewKeyView key = merchants.createKey(merchantId);
        return ResponseEntity.status(HttpStatus.CREATED).body(key);
    }

    /** 200 with the revoked key, also when it was revoked before. */
    @DeleteMapping("/{merchant_id}/keys/{key_id}")
    public KeyView revokeKey(@PathVariable("merchant_id") @KassaId String merchantId,
                             @PathVariable("key_id") @KassaId String keyId) {
        return merchants.revokeKey(merchantId, keyId);
    }
}
