package dev.kassa.pspmock.fault;

import dev.kassa.pspmock.api.JsonRequest;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fault switches. Bound from {@code psp.faults.*} for the settings at startup, changed at run time through
 * {@code /admin/faults}, and rendered there as snake_case JSON.
 *
 * @param serverErrorRate      share of API calls answered 500 before reaching the API (nothing happens, nothing stored)
 * @param unavailableRate      share of API calls answered 503 before reaching the API
 * @param latencyMs            added to every API call; for POSTs while the idempotency key is held in flight
 * @param responseLostRate     share of processed POSTs whose response is replaced by a 500 (the work is committed;
 *                             a retry with the same key gets the original response)
 * @param duplicateWebhookRate share of successful webhook deliveries that are sent a second time
 * @param webhookDelayMs       how long a new event waits before its first delivery attempt
 * @param webhookReorder       deliver queued events newest first, all held events at once when the oldest is due
 * @param webhookOutage        every delivery attempt fails as if the endpoint were down
 */
@ConfigurationProperties("psp.faults")
public record FaultSettings(
        double serverErrorRate,
        double unavailableRate,
        long latencyMs,
        double responseLostRate,
        double duplicateWebhookRate,
        long webhookDelayMs,
        boolean webhookReorder,
        boolean webhookOutage) {

    static final long MAX_MILLIS = 120_000;

    static final Set<String> FIELDS = Set.of("server_error_rate", "unavailable_rate", "latency_ms",
            "response_lost_rate", "duplicate_webhook_rate", "webhook_delay_ms", "webhook_reorder", "webhook_outage");

    public FaultSettings {
        requireRate("server_error_rate", serverErrorRate);
        requireRate("unavailable_rate", unavailableRate);
        requireRate("response_lost_rate", responseLostRate);
        requireRate("duplicate_webhook_rate", duplicateWebhookRate);
        requireMillis("latency_ms", latencyMs);
        requireMillis("webhook_delay_ms", webhookDelayMs);
    }

    /** The given settings with the fields present in {@code changes} replaced; absent fields stay as they are. */
    FaultSettings with(JsonRequest changes) {
        changes.allowOnly(FIELDS);
        return new FaultSettings(
                changes.optionalRate("server_error_rate").orElse(serverErrorRate),
                changes.optionalRate("unavailable_rate").orElse(unavailableRate),
                changes.optionalMillis("latency_ms", MAX_MILLIS).orElse(latencyMs),
                changes.optionalRate("response_lost_rate").orElse(responseLostRate),
                changes.optionalRate("duplicate_webhook_rate").orElse(duplicateWebhookRate),
                changes.optionalMillis("webhook_delay_ms", MAX_MILLIS).orElse(webhookDelayMs),
                changes.optionalBoolean("webhook_reorder").orElse(webhookReorder),
                changes.optionalBoolean("webhook_outage").orElse(webhookOutage));
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("psp.faults." + name + " must be from 0 to 1, was " + rate);
        }
    }

    private static void requireMillis(String name, long millis) {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("psp.faults." + name + " must be from 0 to " + MAX_MILLIS + ", was " + millis);
        }
    }
}
