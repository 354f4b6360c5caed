package dev.kassa.proxy;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * How the proxy talks to the instances: Apache HttpClient with a connection pool sized for a proxy (its
 * defaults, 5 connections per instance and 25 in all, are a client's and would queue requests in the proxy),
 * reusing connections instead of opening one per request.
 */
@Configuration(proxyBeanMethods = false)
class InstanceConnections {

    private static final int PER_INSTANCE = 256;
    private static final int TOTAL = 2048;

    @Bean
    HttpComponentsClientHttpRequestFactoryBuilder proxyRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(PER_INSTANCE).setMaxConnTotal(TOTAL));
    }

    /** The load balancer's readiness probes ask each instance with this client (Spring Cloud looks for a bean). */
    @Bean
    RestClient healthCheckRestClient(RestClient.Builder builder) {
        return builder.build();
    }
}
