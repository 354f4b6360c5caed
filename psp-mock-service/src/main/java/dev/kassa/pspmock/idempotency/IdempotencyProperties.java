package dev.kassa.pspmock.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention       how long a key and its response are kept; the contract promises at least 24 hours
 * @param inFlightLease   how long a claimed key counts as in flight; after that (the claiming process died
 *                        before committing anything) a retry with the same parameters may take it over
 * @param cleanupInterval how often expired keys are deleted
 * @param cleanupBatch    rows deleted per statement, so cleanup never holds long locks
 */
@ConfigurationProperties("psp.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("15s") Duration inFlightLease,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("5000") int cleanupBatch) {

    static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

    public IdempotencyProperties {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("psp.idempotency.retention must be at least 24h (the API contract), was " + retention);
        }
        if (inFlightLease.isNegative() || inFlightLease.isZero()) {
            throw new IllegalArgumentException("psp.idempotency.in-flight-lease must be positive");
        }
    }
}
