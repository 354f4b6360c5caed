package dev.kassa.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code kassa.security.*}: who may call a service and how often. Operators come from the environment
 * ({@code KASSA_SECURITY_OPERATORS_0_NAME}, {@code ..._0_KEY_SHA256}, {@code ..._0_ROLES}); the launcher creates
 * one on a fresh start and prints its key.
 *
 * @param operators  operator keys: a name for the audit trail, the roles, and the SHA-256 (hex) of the key
 * @param rateLimit  the limits of {@link RateLimits}
 * @param jwt        how a JWT's claims name its roles, where an OIDC issuer is configured
 *                   ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
 * @param concurrency how many requests {@link ConcurrencyLimitFilter} lets run at once
 * @param merchantKeys where a service without merchants of its own verifies a merchant's key ({@link RemoteMerchantKeys})
 */
@ConfigurationProperties("kassa.security")
public record KassaSecurityProperties(@DefaultValue List<Operator> operators,
                                      @DefaultValue RateLimit rateLimit,
                                      @DefaultValue Jwt jwt,
                                      @DefaultValue Concurrency concurrency,
                                      @DefaultValue MerchantKeys merchantKeys) {

    /**
     * @param name      who this is, in the audit trail ({@code operator:<name>})
     * @param roles     one or more of OPERATOR, FINANCE, VIEWER
     * @param keySha256 lower-case hex SHA-256 of the operator's {@code opk_} key
     */
    public record Operator(String name, Set<KassaRole> roles, String keySha256) {

        public Operator {
            Assert.hasText(name, "kassa.security.operators[].name must be set");
            Assert.notEmpty(roles, "kassa.security.operators[" + name + "].roles must name at least one role");
            Assert.isTrue(!roles.contains(KassaRole.MERCHANT),
                    "kassa.security.operators[" + name + "].roles: MERCHANT is a merchant key's role, not an operator's");
            Assert.isTrue(keySha256 != null && keySha256.matches("[0-9a-fA-F]{64}"),
                    "kassa.security.operators[" + name + "].key-sha256 must be 64 hex digits (SHA-256 of the key)");
            keySha256 = keySha256.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param requestsPerSecond        steady rate allowed per key (merchant or operator)
     * @param burst                    how many requests a key may send at once above that rate
     * @param failedAuthPerMinute      failed authentications allowed per client address per minute; beyond
     *                                 that, the address gets 429 until the bucket refills
     * @param trackedCallers           most keys and addresses remembered at once (memory bound)
     * @param idleExpiry               a caller not seen for this long is forgotten (its bucket is full again)
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("500") int requestsPerSecond,
                            @DefaultValue("1000") int burst,
                            @DefaultValue("20") int failedAuthPerMinute,
                            @DefaultValue("100000") int trackedCallers,
                            @DefaultValue("10m") Duration idleExpiry) {

        public RateLimit {
            Assert.isTrue(requestsPerSecond > 0, "kassa.security.rate-limit.requests-per-second must be positive");
            Assert.isTrue(burst >= 1, "kassa.security.rate-limit.burst must be at least 1");
            Assert.isTrue(failedAuthPerMinute > 0, "kassa.security.rate-limit.failed-auth-per-minute must be positive");
        }
    }

    /**
     * @param rolesClaim the claim listing the caller's roles (OPERATOR, FINANCE, VIEWER; others are ignored)
     * @param nameClaim  the claim naming the operator in the audit trail
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String nameClaim) {
    }

    /**
     * @param enabled     off only where something in front of the service bounds its requests
     * @param maxRequests requests handled at once; below the service's database pool (Hikari's default is 10),
     *                    so that its background work (outbox relay, consumers) always finds a connection
     * @param maxWait     how long a request waits for its turn before it is answered 503 with Retry-After; as long
     *                    as a request used to wait for a pooled connection (Hikari's 30 s): a short wait sheds
     *                    requests that clients then send again, and the retries cost more than the waiting
     * @param maxQueue    requests that may wait at once, unbounded when unset; one more is refused at once, as after
     *                    {@code maxWait}. Each waiting request holds its connection's buffers, so a bound protects the
     *                    heap, but clients that retry a refusal keep a bounded queue full: see docs/architecture.md §11
     * @param lanes       requests that do not queue with the others: each lane, by name, has its own paths, permits
     *                    and wait (the permits are in addition to {@code maxRequests})
     */
    public record Concurrency(@DefaultValue("true") boolean enabled,
                              @DefaultValue("8") int maxRequests,
                              @DefaultValue("30s") Duration maxWait,
                              Integer maxQueue,
                              @DefaultValue Map<String, Lane> lanes) {

        public Concurrency {
            Assert.isTrue(maxRequests >= 1, "kassa.security.concurrency.max-requests must be at least 1");
            Assert.isTrue(!maxWait.isNegative(), "kassa.security.concurrency.max-wait must not be negative");
            Assert.isTrue(maxQueue == null || maxQueue >= 0, "kassa.security.concurrency.max-queue must not be negative");
            maxQueue = maxQueue == null ? Integer.MAX_VALUE : maxQueue;
            lanes = Map.copyOf(lanes);
        }
    }

    /**
     * A lane of admission control: for a caller whose timeout is shorter than the others' wait, or whose requests
     * must not queue behind them. A PSP's webhooks are one: the PSP gives up after a few seconds and delivers the
     * event again, so a webhook that waited 30 s behind checkouts was handled after its sender had stopped
     * listening, and then again.
     *
     * @param paths       Spring path patterns ({@code /api/v1/webhooks/**})
     * @param maxRequests requests of this lane handled at once
     * @param maxWait     how long one waits before it is answered 503 with Retry-After; shorter than its callers'
     *                    timeout
     * @param maxQueue    requests of this lane that may wait at once
     */
    public record Lane(List<String> paths, @DefaultValue("2") int maxRequests, @DefaultValue("1s") Duration maxWait,
                       @DefaultValue("64") int maxQueue) {

        public Lane {
            Assert.notEmpty(paths, "kassa.security.concurrency.lanes.*.paths must name at least one path pattern");
            Assert.isTrue(maxRequests >= 1, "kassa.security.concurrency.lanes.*.max-requests must be at least 1");
            Assert.isTrue(!maxWait.isNegative(), "kassa.security.concurrency.lanes.*.max-wait must not be negative");
            Assert.isTrue(maxQueue >= 0, "kassa.security.concurrency.lanes.*.max-queue must not be negative");
            paths = List.copyOf(paths);
        }
    }

    /**
     * @param verifyUrl payment-service's base URL, where wallet and ledger ask whose a merchant key is; unset, a
     *                  service accepts no merchant key (payment-service itself looks its keys up in its database)
     * @param cacheTtl  how long an answer is trusted: a revoked key still works here for at most this long, as it
     *                  does in another payment-service instance ({@code kassa.merchants.key-cache-ttl})
     * @param timeout   how long to wait for payment-service's answer before refusing the request with a 503
     */
    public record MerchantKeys(URI verifyUrl,
                               @DefaultValue("5s") Duration cacheTtl,
                               @DefaultValue("2s") Duration timeout) {

        public MerchantKeys {
            Assert.isTrue(!cacheTtl.isNegative(), "kassa.security.merchant-keys.cache-ttl must not be negative");
            Assert.isTrue(timeout.isPositive(), "kassa.security.merchant-keys.timeout must be positive");
        }
    }
}
