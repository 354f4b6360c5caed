package dev.kassa.payment.merchant;

import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.payment.merchant.MerchantViews.KeyView;
import dev.kassa.payment.merchant.MerchantViews.MerchantView;
import dev.kassa.payment.merchant.MerchantViews.NewKeyView;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.SecretKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchants and their keys, each change in one transaction with its audit row. A merchant is created once per id
 * (the launcher's bootstrap repeats the call); a key is shown once; at most {@value #MAX_ACTIVE_KEYS} keys of a
 * merchant are active, which is exactly what a rotation needs (create the second, move the frontends, revoke the
 * first). A save that finds the row changed by a concurrent request is answered 409.
 */
@Service
class MerchantService {

    static final int MAX_ACTIVE_KEYS = 2;
    static final int MAX_LIST_LIMIT = 500;
    private static final String KEY_ID_PREFIX = "key_";
    private static final Logger log = LoggerFactory.getLogger(MerchantService.class);

    private final Merchants merchants;
    private final MerchantApiKeys keys;
    private final MerchantKeys merchantKeys;
    private final AuditTrail audit;
    private final MerchantProperties properties;
    private final Clock clock;

    MerchantService(Merchants merchants, MerchantApiKeys keys, MerchantKeys merchantKeys, AuditTrail audit,
                    MerchantProperties properties, Clock clock) {
        this.merchants = merchants;
        this.keys = keys;
        this.merchantKeys = merchantKeys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param created false when the same merchant existed already (the answer is then 200) */
    record Outcome(MerchantView merchant, boolean created) {
    }

    /** @throws KassaProblem 409 when the id exists with another name */
    @Transactional
    public Outcome create(String merchantId, String name) {
        boolean created = merchants.insertIfAbsent(merchantId, name, KassaActor.required().id());
        Merchant merchant = merchants.findById(merchantId).orElseThrow();
        if (!created) {
            if (!merchant.name().equals(name)) {
                throw KassaProblem.conflict("merchant_id", "already exists with another name");
            }
            return new Outcome(MerchantView.of(merchant), false);
        }
        audit.record(AuditAction.MERCHANT_CREATED, merchantId, merchantId, "name " + name);
        log.info("Merchant {} created", merchantId);
        return new Outcome(MerchantView.of(merchant), true);
    }

    @Transactional(readOnly = true)
    public MerchantView get(String merchantId) {
        return MerchantView.of(merchant(merchantId));
    }

    /** The newest {@code limit} merchants (1 to 500). */
    @Transactional(readOnly = true)
    public List<MerchantView> newestFirst(int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw KassaProblem.invalid("limit", "must be between 1 and " + MAX_LIST_LIMIT);
        }
        return merchants.findNewestFirst(limit).stream().map(MerchantView::of).toList();
    }

    /** Every key of the merchant, revoked ones included, oldest first. */
    @Transactional(readOnly = true)
    public List<KeyView> keys(String merchantId) {
        merchant(merchantId);
        return keys.findByMerchantIdOrderByCreatedAtAscKeyIdAsc(merchantId).stream().map(KeyView::of).toList();
    }

    /**
     * A new key, whose secret only this answer shows.
     *
     * @throws KassaProblem 404 unknown merchant, 409 when two keys are active already
     */
    @Transactional
    public NewKeyView createKey(String merchantId) {
        Merchant merchant = merchant(merchantId);
        if (keys.countByMerchantIdAndRevokedAtIsNull(merchantId) >= MAX_ACTIVE_KEYS) {
            throw KassaProblem.conflict("merchant_id", "has " + MAX_ACTIVE_KEYS + " active keys, the most a merchant "
                    + "may have (a rotation creates the second, moves the frontends to it and revokes the first); "
                    + "revoke one before creating another");
        }
        String secret = SecretKeys.generate(properties.keyPrefix());
        MerchantApiKey key = keys.save(new MerchantApiKey(SecretKeys.generate(KEY_ID_PREFIX), merchantId,
                SecretKeys.sha256Hex(secret), SecretKeys.visiblePrefix(secret, properties.keyPrefix()), now(),
                KassaActor.required().id(), null, null, null, null));
        // Saving the merchant back moves its version: a concurrent creation that counted the same keys fails.
        saveGuarded("merchant_id", () -> merchants.save(merchant));
        audit.record(AuditAction.KEY_CREATED, key.keyId(), merchantId, "prefix " + key.prefix());
        log.info("Key {} ({}) created for merchant {}", key.keyId(), key.prefix(), merchantId);
        return new NewKeyView(key.keyId(), merchantId, secret, key.prefix(), key.createdAt());
    }

    /**
     * Revokes the key: it stops authenticating with the next request. Revoking a revoked key answers it as it is.
     *
     * @throws KassaProblem 404 unknown merchant or key, 409 when a concurrent request changed the key meanwhile
     */
    @Transactional
    public KeyView revokeKey(String merchantId, String keyId) {
        merchant(merchantId);
        MerchantApiKey key = keys.findById(keyId).filter(found -> found.merchantId().equals(merchantId))
                .orElseThrow(() -> KassaProblem.notFound("key_id", keyId));
        if (!key.active()) {
            return KeyView.of(key);
        }
        MerchantApiKey revoked = saveGuarded("key_id", () -> keys.save(key.revoked(now(), KassaActor.required().id())));
        merchantKeys.forget(keyId);
        audit.record(AuditAction.KEY_REVOKED, keyId, merchantId, "prefix " + key.prefix());
        log.info("Key {} ({}) of merchant {} revoked", keyId, key.prefix(), merchantId);
        return KeyView.of(revoked);
    }

    private Merchant merchant(String merchantId) {
        return merchants.findById(merchantId).orElseThrow(() -> KassaProblem.notFound("merchant_id", merchantId));
    }

    /** As PostgreSQL stores it, so the answer shows what a later read does. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A save under {@code @Version} that found another version: a concurrent request changed the row after this one
     * read it. 409, not the 503 of other concurrency failures: sending the same request again re-reads the row and
     * decides anew (and may well be refused for what the other request did).
     */
    private static <T> T saveGuarded(String field, Supplier<T> save) {
        try {
            return save.get();
        } catch (OptimisticLockingFailureException e) {
            throw KassaProblem.conflict(field, "was changed by another request at the same time; read it again and "
                    + "retry if still needed");
        }
    }
}
