package dev.kassa.payment;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.payment.*}: limits of the API and the janitor's schedule. Environment overrides follow
 * Spring's relaxed binding (KASSA_PAYMENT_MAX_AMOUNT_MINOR, KASSA_PAYMENT_JANITOR_AGE, ...).
 *
 * @param maxAmountMinor            largest accepted payment order, in minor units of its currency
 * @param maxAmountMinorPerCurrency overrides per ISO code (JPY has no minor unit, KWD three)
 * @param executor                  the PSP executor's consumer threads and PSP calls in flight
 */
@ConfigurationProperties("kassa.payment")
public record PaymentProperties(@DefaultValue("99999999") long maxAmountMinor,
                                @DefaultValue Map<String, Long> maxAmountMinorPerCurrency,
                                @DefaultValue Executor executor,
                                @DefaultValue Janitor janitor) {

    /** The maximum accepted amount in minor units of {@code currency}. */
    public long maxAmountMinor(String currency) {
        return maxAmountMinorPerCurrency.getOrDefault(currency, maxAmountMinor);
    }

    /**
     * The PSP executor (consumer of {@code payment.psp-requests}). Its throughput is calls in flight divided by
     * the PSP's latency; threads only take polls and apply answers.
     *
     * @param consumerThreads consumer threads, at most one per partition of payment.psp-requests
     *                        ({@code kassa.messaging.topic-partitions}); more instances share the partitions
     * @param maxInFlight     most PSP calls waiting for an answer at once, across the threads (each on a virtual
     *                        thread, none holding a database connection)
     * @param minInFlight     the fewest the adaptive limit goes down to while the PSP shows overload (timeouts,
     *                        5xx, 429); see {@code PspCallLimiter}
     * @param minWaveInterval the least time between the starts of two polls of one consumer thread, so that a wave
     *                        gathers the requests of that time and the stages after it work in batches (0: poll again
     *                        at once); see {@code PollPacing}
     */
    public record Executor(@DefaultValue("3") int consumerThreads,
                           @DefaultValue("256") int maxInFlight,
                           @DefaultValue("8") int minInFlight,
                           @DefaultValue("250ms") Duration minWaveInterval) {

        public Executor {
            if (consumerThreads < 1 || minInFlight < 1 || maxInFlight < minInFlight) {
                throw new IllegalArgumentException("kassa.payment.executor: consumer-threads and min-in-flight must be "
                        + ">= 1, max-in-flight >= min-in-flight");
            }
            if (minWaveInterval.isNegative()) {
                throw new IllegalArgumentException("kassa.payment.executor.min-wave-interval cannot be negative");
            }
        }
    }

    /**
     * @param enabled   whether the scheduled run is on (tests call it directly)
     * @param age       an order EXECUTING (or a refund unresolved) longer than this is asked about at the PSP
     * @param interval  time between two runs
     * @param batchSize orders looked at per run
     */
    public record Janitor(@DefaultValue("true") boolean enabled,
                          @DefaultValue("2m") Duration age,
                          @DefaultValue("30s") Duration interval,
                          @DefaultValue("100") int batchSize) {
    }
}
