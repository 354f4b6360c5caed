package dev.kassa.payment.merchant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code merchant_api_key}: a merchant's secret key as stored, its SHA-256 and the visible prefix,
 * never the key itself. Revoking reads, changes and saves it back, guarded by {@code @Version}.
 * {@code last_used_at} is written only by {@link MerchantApiKeys#touch}, never by a save (read-only here), so that
 * a revocation neither loses nor conflicts with the authentication path's note of use.
 *
 * @param prefix the part of the key that may be shown: {@code sk_live_AbCd}
 */
@Table("merchant_api_key")
public record MerchantApiKey(@Id String keyId, String merchantId, String keySha256, String prefix, Instant createdAt,
                             String createdBy, @ReadOnlyProperty Instant lastUsedAt, Instant revokedAt,
                             String revokedBy, @Version Long version) {

    public boolean active() {
        return revokedAt == null;
    }

    MerchantApiKey revoked(Instant at, String by) {
        return new MerchantApiKey(keyId, merchantId, keySha256, prefix, createdAt, createdBy, lastUsedAt, at, by,
                version);
    }
}
