package dev.kassa.payment.merchant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** What the admin API shows of merchants and keys: never a key's hash, its secret only once, at creation. */
final class MerchantViews {

    private MerchantViews() {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "Merchant")
    record MerchantView(@Schema(example = "m_shop") String merchantId, @Schema(example = "Corner Shop") String name,
                        Instant createdAt,
                        @Schema(description = "The operator who created it", example = "operator:ops")
                        String createdBy) {

        static MerchantView of(Merchant merchant) {
            return new MerchantView(merchant.merchantId(), merchant.name(), merchant.createdAt(), merchant.createdBy());
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "MerchantKey", description = "A merchant's secret key, without its secret.")
    record KeyView(String keyId, @Schema(example = "m_shop") String merchantId,
                   @Schema(description = "The key's visible start, to tell keys apart", example = "sk_live_4f2a")
                   String prefix,
                   Instant createdAt, String createdBy,
                   @Schema(nullable = true, description = "When it last authenticated a request (noted at most once a"
                           + " minute per instance)") Instant lastUsedAt,
                   @Schema(nullable = true) Instant revokedAt,
                   @Schema(nullable = true) String revokedBy) {

        static KeyView of(MerchantApiKey key) {
            return new KeyView(key.keyId(), key.merchantId(), key.prefix(), key.createdAt(), key.createdBy(),
                    key.lastUsedAt(), key.revokedAt(), key.revokedBy());
        }
    }

    /** The answer to a key's creation, the only time its secret is shown. */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "NewMerchantKey")
    record NewKeyView(String keyId, @Schema(example = "m_shop") String merchantId,
                      @Schema(description = "The secret key, shown only in this answer: send it as `Authorization:"
                              + " Bearer <secret>`") String secret,
                      @Schema(example = "sk_live_4f2a") String prefix, Instant createdAt) {
    }
}
