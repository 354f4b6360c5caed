package dev.kassa.payment.merchant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The merchants' keys, found by the SHA-256 of a presented key (unique index) on every merchant request. */
interface MerchantApiKeys extends Repository<MerchantApiKey, String> {

    /** Inserts a new key (version null) or saves a changed one back, checking its version. */
    MerchantApiKey save(MerchantApiKey key);

    Optional<MerchantApiKey> findById(String keyId);

    /** On every request with a merchant key: one statement, written out so that it is not derived per call. */
    @Query("SELECT * FROM merchant_api_key WHERE key_sha256 = :keySha256")
    Optional<MerchantApiKey> findByKeySha256(String keySha256);

    List<MerchantApiKey> findByMerchantIdOrderByCreatedAtAscKeyIdAsc(String merchantId);

    long countByMerchantIdAndRevokedAtIsNull(String merchantId);

    /** Notes that the key was used; no version change, so it never conflicts with a revocation. */
    @Modifying
    @Query("UPDATE merchant_api_key SET last_used_at = now() WHERE key_id = :keyId")
    boolean touch(String keyId);
}
