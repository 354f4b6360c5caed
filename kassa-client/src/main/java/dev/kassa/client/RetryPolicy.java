package dev.kassa.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often, and how long apart, the client sends an idempotent request again after a timeout, a connection failure or
 * a 5xx answer. A 4xx is never repeated. Idempotent are: creating a checkout (its {@code checkout_id} with the same
 * body), requesting a refund (its {@code refund_id} with the same amount), accepting a dispute, and every read. Retrying
 * a failed order and submitting dispute evidence are sent once: a repeat after a lost answer would be refused with a 409.
 *
 * <p>The wait after failed attempt {@code n} is {@code initialBackoff * multiplier^(n-1)}, at most {@code maxBackoff},
 * less a random share of it of up to {@code jitter} (so that many clients do not come back in step); a 5xx's
 * {@code Retry-After} lengthens it, still up to {@code maxBackoff}.
 *
 * @param maxAttempts    requests in all, at least 1 (1: none repeated)
 * @param initialBackoff the wait after the first failed attempt
 * @param multiplier     the growth of the wait per attempt, at least 1
 * @param maxBackoff     the longest wait
 * @param jitter         0 (every wait exactly as computed) to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          double jitter) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be 0 <= initialBackoff <= maxBackoff");
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** 4 attempts, waiting about 0.25 s, 0.5 s and 1 s (20 % jitter), at most 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), 2.0, Duration.ofSeconds(5), 0.2);
    }

    /** One attempt: nothing is sent again. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, jitter);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based).
     *
     * @param retryAfter the answer's {@code Retry-After}, or null
     * @param random     a number in {@code [0, 1)}, the share of the jitter taken off
     */
    Duration delayAfter(int attempt, Duration retryAfter, double random) {
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        nanos = Math.min(nanos, maxBackoff.toNanos());
        nanos -= nanos * jitter * random;
        Duration delay = Duration.ofNanos((long) nanos);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
