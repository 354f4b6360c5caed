package dev.kassa.payment.psp;

import dev.kassa.payment.PaymentProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The PSP client: Stripe's v1 API over HTTP with connect and read timeouts, behind a Resilience4j circuit breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PspProperties.class)
class PspConfiguration {

    @Bean
    CircuitBreaker pspCircuitBreaker(PspProperties properties, MeterRegistry meters) {
        PspProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                // Only an unavailable PSP opens the circuit; a decline or a refused request is a healthy answer.
                .recordException(e -> e instanceof PspUnavailableException)
                .ignoreException(e -> !(e instanceof PspUnavailableException))
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("psp", config);
        Gauge.builder("kassa.payment.psp.circuit.open", breaker,
                        b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while the PSP circuit breaker is open (calls fail fast into the retry topics)")
                .register(meters);
        return breaker;
    }

    /**
     * One pooled connection per call in flight (the executor's {@code max-in-flight}, kept alive between calls); each
     * call runs on its caller's virtual thread. A call is attempted once: retries belong to the retry topics, with
     * the same idempotency key.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient pspHttpClient(PspProperties properties, PaymentProperties payment) {
        int connections = payment.executor().maxInFlight();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    @Bean
    PspClient pspClient(PspProperties properties, CloseableHttpClient pspHttpClient, CircuitBreaker pspCircuitBreaker,
                        MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(pspHttpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder()
                .baseUrl(properties.baseUrl())
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey())
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .build();
        JsonMapper tolerant = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new PspClient(http, pspCircuitBreaker, meters, tolerant, properties.confirmWithoutRedirects());
    }
}
