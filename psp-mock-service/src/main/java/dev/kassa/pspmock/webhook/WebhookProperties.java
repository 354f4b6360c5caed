package dev.kassa.pspmock.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param endpoints         URLs every event is POSTed to (default: payment-service's PSP webhook); empty for none
 * @param secrets           signing secrets; more than one during a rotation, each giving one {@code v1} in the
 *                          signature (PSP_WEBHOOK_SECRETS; the local profile's is {@code whsec_test_kassa})
 * @param initialBackoff    wait after the first failed attempt; it doubles (see multiplier) up to maxBackoff
 * @param maxBackoff        cap of the wait between attempts; attempts go on until a 2xx
 * @param backoffMultiplier growth of the wait per failed attempt
 * @param pollInterval      the dispatcher's safety poll: it sleeps until a delivery is due and is woken by new events
 *                          and failed attempts of this process, so this only bounds how late it finds deliveries
 *                          no one here told it about (another instance's; a lease that ran out after a crash)
 * @param claimInterval     while deliveries keep coming, the shortest time between two claims (a claim that fills
 *                          every free slot is followed at once), so that one claim statement and one outcome update
 *                          serve several deliveries; the first delivery after a quiet spell is claimed at once
 * @param maxConcurrency    deliveries in flight at once (the worker's bounded pool)
 * @param connectTimeout    to the endpoint
 * @param requestTimeout    for the endpoint's answer (the socket read timeout)
 * @param lease             a claimed delivery is not retried before this; must exceed the timeouts, and is how long
 *                          a delivery interrupted by a crash waits before another worker takes it
 */
@ConfigurationProperties("psp.webhooks")
public record WebhookProperties(
        @DefaultValue("http://127.0.0.1:8080/api/v1/webhooks/psp") List<String> endpoints,
        List<String> secrets,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("2") double backoffMultiplier,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("200ms") Duration claimInterval,
        @DefaultValue("16") int maxConcurrency,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("30s") Duration lease) {

    public WebhookProperties {
        endpoints = endpoints.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
        endpoints.forEach(WebhookProperties::requireHttpUrl);
        secrets = secrets == null ? List.of() : secrets.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s.startsWith("${"))) {
            // An unset ${PSP_WEBHOOK_SECRETS} stays as that text, which would sign with a secret anyone can read.
            throw new IllegalArgumentException("psp.webhooks.secrets needs at least one signing secret "
                    + "(environment variable PSP_WEBHOOK_SECRETS)");
        }
        if (backoffMultiplier < 1) {
            throw new IllegalArgumentException("psp.webhooks.backoff-multiplier must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("psp.webhooks.poll-interval must be positive");
        }
        if (claimInterval.isNegative()) {
            throw new IllegalArgumentException("psp.webhooks.claim-interval must not be negative");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("psp.webhooks.max-concurrency must be at least 1");
        }
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("psp.webhooks.lease must exceed connect-timeout + request-timeout, "
                    + "or a slow attempt would be retried while it is still running");
        }
    }

    private static void requireHttpUrl(String endpoint) {
        URI uri = URI.create(endpoint);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("psp.webhooks.endpoints entries must be http(s) URLs, was " + endpoint);
        }
    }
}
