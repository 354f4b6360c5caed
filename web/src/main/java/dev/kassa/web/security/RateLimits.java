package dev.kassa.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The token buckets (Bucket4j) of one service instance: one per key for authenticated requests, one per client
 * address for failed authentications. Buckets live in bounded, expiring Caffeine maps: an attacker cycling
 * addresses or keys evicts old buckets instead of growing memory. Per instance: N instances allow N times the
 * rate, which is stated in docs/architecture.md §11.
 */
public final class RateLimits {

    private final KassaSecurityProperties.RateLimit limits;
    private final Cache<String, Bucket> perKey;
    private final Cache<String, Bucket> failedAuthPerAddress;

    public RateLimits(KassaSecurityProperties.RateLimit limits) {
        this.limits = limits;
        this.perKey = cache(limits);
        this.failedAuthPerAddress = cache(limits);
    }

    private static Cache<String, Bucket> cache(KassaSecurityProperties.RateLimit limits) {
        return Caffeine.newBuilder().maximumSize(limits.trackedCallers()).expireAfterAccess(limits.idleExpiry()).build();
    }

    /** Takes one request from the key's bucket; empty when allowed, else the wait before the next is. */
    public OptionalLong tryRequest(String credential) {
        if (!limits.enabled()) {
            return OptionalLong.empty();
        }
        Bucket bucket = perKey.get(credential, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build());
        return waitOf(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Whether this address has used up its failed authentications; the wait if so. */
    public OptionalLong blockedAddress(String address) {
        if (!limits.enabled()) {
            return OptionalLong.empty();
        }
        Bucket bucket = failedAuthPerAddress.getIfPresent(address);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        return waitOf(bucket.estimateAbilityToConsume(1));
    }

    /** Counts one failed authentication from this address. */
    public void failedAuthentication(String address) {
        if (!limits.enabled()) {
            return;
        }
        failedAuthPerAddress.get(address, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.failedAuthPerMinute())
                        .refillGreedy(limits.failedAuthPerMinute(), Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }

    private static OptionalLong waitOf(ConsumptionProbe probe) {
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    private static OptionalLong waitOf(io.github.bucket4j.EstimationProbe probe) {
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }
}
