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

    /**
     * At least a port's {@code server.tomcat.max-connections}: a request the proxy has taken never waits for a
     * connection to an instance, which would be a queue of its own, unseen by the instance's admission control and
     * bounded in time only by the pool's 3-minute lease timeout.
     */
    private static final int PER_INSTANCE = 1024;
    private static final int TOTAL = 4096;

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
