package dev.kassa.proxy;

import org.springframework.beans.factory.annotation.Value;
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
     * As many connections to each instance as its port takes requests ({@code server.tomcat.max-connections}), and so
     * many per port in all: a request the proxy has taken never waits for a connection to an instance, which would be
     * a queue of its own, unseen by the instance's admission control and bounded in time only by the pool's 3-minute
     * lease timeout.
     */
    @Bean
    HttpComponentsClientHttpRequestFactoryBuilder proxyRequestFactoryBuilder(
            @Value("${server.tomcat.max-connections}") int maxConnectionsPerPort, ProxyProperties properties) {
        int total = maxConnectionsPerPort * properties.services().size();
        return ClientHttpRequestFactoryBuilder.httpComponents().withConnectionManagerCustomizer(
                pool -> pool.setMaxConnPerRoute(maxConnectionsPerPort).setMaxConnTotal(Math.max(total, 1)));
    }

    /** The load balancer's readiness probes ask each instance with this client (Spring Cloud looks for a bean). */
    @Bean
    RestClient healthCheckRestClient(RestClient.Builder builder) {
        return builder.build();
    }
}
