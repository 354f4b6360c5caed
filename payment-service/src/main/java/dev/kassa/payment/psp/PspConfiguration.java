package dev.kassa.payment.psp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The PSP client: HTTP with connect and read timeouts, behind a Resilience4j circuit breaker. */
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

    @Bean
    PspClient pspClient(PspProperties properties, CircuitBreaker pspCircuitBreaker, MeterRegistry meters,
                        ObjectProvider<ObservationRegistry> observations) {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
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
        return new PspClient(http, pspCircuitBreaker, meters, tolerant);
    }
}
