package dev.kassa.systemtests.support;

import java.time.Duration;

/**
 * Generous but bounded waits. Two cores run five service JVMs, Kafka and PostgreSQL here, and CI may be
 * slower still: a flow that normally settles in a second gets a minute before the test calls it broken.
 */
public final class Timeouts {

    /** One checkout or refund through PSP, webhook, Kafka, wallet, ledger and back to COMPLETED. */
    public static final Duration SETTLE = Duration.ofSeconds(60);
    /**
     * A record that fails every time, until it is dead-lettered: the default backoff's 30 s (5 s six times), plus
     * up to one held fetch per retry before its paused partition is read again.
     */
    public static final Duration THROUGH_RETRIES = Duration.ofSeconds(120);
    /** Hundreds of payments, or recovery after a service was killed (consumer group rebalance included). */
    public static final Duration RECOVERY = Duration.ofMinutes(3);
    /** A restarted service until its health endpoint answers UP. */
    public static final Duration RESTART = Duration.ofMinutes(3);

    private Timeouts() {
    }
}
