package dev.kassa.pspmock.fault;

import dev.kassa.pspmock.api.JsonRequest;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(name = "FaultSettings", description = "The fault switches; a change names only those it changes")
public record FaultSettings(
        @Schema(description = "Share of `/v1` calls answered 500 `internal_error` before reaching the API (nothing"
                + " happens)", minimum = "0", maximum = "1") double serverErrorRate,
        @Schema(description = "Share of `/v1` calls answered 503 `service_unavailable` (`Retry-After: 1`), likewise",
                minimum = "0", maximum = "1") double unavailableRate,
        @Schema(description = "Added to every `/v1` call; for POSTs while the `Idempotency-Key` is in flight (a"
                + " concurrent retry gets 409)", minimum = "0", maximum = "120000") long latencyMs,
        @Schema(description = "Share of processed POSTs answered 500 `response_lost`: the work IS done, a retry with"
                + " the same key gets the original answer", minimum = "0", maximum = "1") double responseLostRate,
        @Schema(description = "Share of acknowledged webhook deliveries sent a second time (same event id)",
                minimum = "0", maximum = "1") double duplicateWebhookRate,
        @Schema(description = "A new event's first delivery attempt waits this long", minimum = "0",
                maximum = "120000") long webhookDelayMs,
        @Schema(description = "Held first attempts are released at once when the oldest is due, newest first")
        boolean webhookReorder,
        @Schema(description = "Every delivery attempt fails as if the endpoint were down (backoff continues)")
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
