package dev.kassa.payment.merchant;

import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.SecretKeys;
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

/**
 * Merchants' secret keys ({@code sk_live_…}, {@code sk_test_…}) as bearer credentials. Every request looks its key
 * up by SHA-256 (one indexed read, no cache), so a revoked key stops working with the next request, on every
 * instance. The time of use is written at most once a minute per key and instance, remembered here, so that a busy
 * frontend does not cost a write per request.
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

    MerchantKeys(MerchantApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(CLAIMED_PREFIX);
    }

    @Override
    public Optional<KassaActor> authenticate(String key) {
        Optional<MerchantApiKey> found = keys.findByKeySha256(SecretKeys.sha256Hex(key)).filter(MerchantApiKey::active);
        found.ifPresent(this::noteUse);
        return found.map(active -> KassaActor.merchant(active.merchantId(), active.prefix()));
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
