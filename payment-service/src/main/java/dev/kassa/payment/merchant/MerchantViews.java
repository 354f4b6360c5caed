package dev.kassa.payment.merchant;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** What the admin API shows of merchants and keys: never a key's hash, its secret only once, at creation. */
final class MerchantViews {

    private MerchantViews() {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record MerchantView(String merchantId, String name, Instant createdAt, String createdBy) {

        static MerchantView of(Merchant merchant) {
            return new MerchantView(merchant.merchantId(), merchant.name(), merchant.createdAt(), merchant.createdBy());
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record KeyView(String keyId, String merchantId, String prefix, Instant createdAt, String createdBy,
                   Instant lastUsedAt, Instant revokedAt, String revokedBy) {

        static KeyView of(MerchantApiKey key) {
            return new KeyView(key.keyId(), key.merchantId(), key.prefix(), key.createdAt(), key.createdBy(),
                    key.lastUsedAt(), key.revokedAt(), key.revokedBy());
        }
    }

    /** The answer to a key's creation, the only time its secret is shown. */
    @JsonNaming(SnakeCaseStrategy.class)
    record NewKeyView(String keyId, String merchantId, String secret, String prefix, Instant createdAt) {
    }
}
