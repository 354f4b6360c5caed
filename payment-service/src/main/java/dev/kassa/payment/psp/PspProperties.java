package dev.kassa.payment.psp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.psp.*}: where the PSP is and how to talk to it (env KASSA_PSP_BASE_URL, KASSA_PSP_API_KEY,
 * KASSA_PSP_WEBHOOK_SECRETS as a comma-separated list, ...). The PSP speaks Stripe's v1 API: psp-mock locally,
 * or Stripe itself ({@code https://api.stripe.com} with a {@code sk_test_...} key and the endpoint's
 * {@code whsec_...} secret).
 *
 * @param baseUrl          root of the PSP's API (psp-mock locally), without {@code /v1}
 * @param apiKey           secret key sent as a Bearer token; no default: the environment sets it
 *                         (KASSA_PSP_API_KEY), the {@code local} profile psp-mock's LOCAL TEST key
 * @param webhookSecrets   every secret whose signature is accepted; more than one during a rotation; no default, as
 *                         for the API key (KASSA_PSP_WEBHOOK_SECRETS)
 * @param connectTimeout   TCP connect timeout of every PSP call
 * @param readTimeout      longest wait for the PSP's answer; a call that takes longer is retried
 * @param webhookTolerance how far a webhook timestamp may lie in the past or the future
 * @param webhookLockWait  how long a webhook that changes state waits for a row another transaction holds (the
 *                         executor applying the same result) before it is answered 503, for the PSP to redeliver:
 *                         a webhook never holds a pooled connection while it waits on the executor
 * @param circuitBreaker   when calls stop reaching a failing PSP
 * @param confirmWithoutRedirects send {@code automatic_payment_methods[enabled]=true} and
 *                         {@code automatic_payment_methods[allow_redirects]=never} with every charge: Stripe refuses a
 *                         server-side {@code confirm=true} without a {@code return_url} while the account has
 *                         redirect-based payment methods enabled, and Kassa has no page to send a buyer back to. Off
 *                         by default (psp-mock accepts and ignores them: it has no redirect-based methods); on
 *                         against Stripe
 */
@ConfigurationProperties("kassa.psp")
public record PspProperties(@DefaultValue("http://127.0.0.1:8081") URI baseUrl,
                            String apiKey,
                            List<String> webhookSecrets,
                            @DefaultValue("2s") Duration connectTimeout,
                            @DefaultValue("10s") Duration readTimeout,
                            @DefaultValue("300s") Duration webhookTolerance,
                            @DefaultValue("200ms") Duration webhookLockWait,
                            @DefaultValue CircuitBreaker circuitBreaker,
                            @DefaultValue("false") boolean confirmWithoutRedirects) {

    /** A secret that is missing (or whose environment placeholder was not set) stops the service at start. */
    public PspProperties {
        requireSecret(apiKey, "kassa.psp.api-key", "KASSA_PSP_API_KEY");
        if (webhookSecrets == null || webhookSecrets.isEmpty()) {
            throw missing("kassa.psp.webhook-secrets", "KASSA_PSP_WEBHOOK_SECRETS");
        }
        webhookSecrets.forEach(secret -> requireSecret(secret, "kassa.psp.webhook-secrets",
                "KASSA_PSP_WEBHOOK_SECRETS"));
    }

    private static void requireSecret(String value, String property, String environment) {
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw missing(property, environment);
        }
    }

    private static IllegalStateException missing(String property, String environment) {
        return new IllegalStateException(property + " is not set: set the environment variable " + environment
                + " (or run with the 'local' profile, whose application-local.yml has the local test secrets)");
    }

    /**
     * Resilience4j circuit breaker around every PSP call: when this share of the recent calls failed
     * (timeouts, 5xx, 429), calls fail fast for {@code waitInOpenState} and go to the retry topics.
     *
     * @param failureRateThreshold          percentage of failed calls among the recent ones that opens the circuit
     * @param slidingWindowSize             how many recent calls count
     * @param minimumNumberOfCalls          calls needed before the rate counts
     * @param waitInOpenState               how long calls fail fast before probes are let through
     * @param permittedCallsInHalfOpenState probe calls that decide whether the circuit closes again
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("20") int slidingWindowSize,
                                 @DefaultValue("10") int minimumNumberOfCalls,
                                 @DefaultValue("10s") Duration waitInOpenState,
                                 @DefaultValue("3") int permittedCallsInHalfOpenState) {
    }
}
