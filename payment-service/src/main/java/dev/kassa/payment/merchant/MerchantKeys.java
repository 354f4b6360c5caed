package dev.kassa.payment.merchant;

import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.SecretKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Merchants' secret keys ({@code sk_live_…}, {@code sk_test_…}) as bearer credentials, looked up by SHA-256. An
 * active key found is trusted for {@code kassa.merchants.key-cache-ttl} (5 s) without asking the database again:
 * a lookup per request took a pooled connection per request on top of the checkout's own, and under load the
 * requests starved the executor of connections. A revocation forgets the key here at once (after its commit);
 * other instances see it within the TTL. The time of use is written at most once a minute per key and instance,
 * so that a busy frontend does not cost a write per request.
 */
@Component
class MerchantKeys implements BearerKeys {

    static final String CLAIMED_PREFIX = "sk_";
    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MerchantKeys.class);

    private final MerchantApiKeys keys;
    private final Clock clock;
    /** When this instance last wrote each key's last_used_at; holds only keys that authenticated. */
    private final ConcurrentMap<String, Instant> useNotedAt = new ConcurrentHashMap<>();

    /** Active keys recently found, by SHA-256. */
    private final Cache<String, MerchantApiKey> recent;

    MerchantKeys(MerchantApiKeys keys, Clock clock, MerchantProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.keyCacheTtl()).build();
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(CLAIMED_PREFIX);
    }

    @Override
    public Optional<KassaActor> authenticate(String key) {
        String sha256 = SecretKeys.sha256Hex(key);
        Optional<MerchantApiKey> found = Optional.ofNullable(recent.getIfPresent(sha256))
                .or(() -> keys.findByKeySha256(sha256).filter(MerchantApiKey::active)
                        .map(active -> {
                            recent.put(sha256, active);
                            return active;
                        }));
        found.ifPresent(this::noteUse);
        return found.map(active -> KassaActor.merchant(active.merchantId(), active.prefix()));
    }

    /** Stops trusting the key here, once the transaction that revoked it has committed. */
    void forget(String keyId) {
        Runnable evict = () -> recent.asMap().values().removeIf(key -> key.keyId().equals(keyId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict.run();
                }
            });
        }
        evict.run(); // now as well, so that no request in between puts it back from a stale cache entry
    }

    private void noteUse(MerchantApiKey key) {
        Instant now = clock.instant();
        Instant previous = useNotedAt.get(key.keyId());
        if (previous != null && previous.plus(USE_NOTED_EVERY).isAfter(now)) {
            return;
        }
        boolean ours = previous == null
                ? useNotedAt.putIfAbsent(key.keyId(), now) == null
                : useNotedAt.replace(key.keyId(), previous, now);
        if (!ours) {
            return; // another request with this key is writing it
        }
        try {
            keys.touch(key.keyId());
        } catch (DataAccessException e) {
            // Only a note for operators: the request itself is authenticated and goes on.
            log.warn("Could not note the use of key {}: {}", key.prefix(), e.toString());
        }
    }
}
