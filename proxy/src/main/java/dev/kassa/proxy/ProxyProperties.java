package dev.kassa.proxy;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services the proxy fronts, by service id. A service's instances are Spring Cloud's simple discovery
 * ({@code spring.cloud.discovery.client.simple.instances.<service id>[i].uri}); here is only where the proxy
 * listens for it and which of its requests are safe to send to another instance when one fails.
 *
 * @param services by service id (the discovery id, e.g. {@code payment-service})
 * @param address  the address every service port binds to
 */
@ConfigurationProperties("kassa.proxy")
public record ProxyProperties(Map<String, Service> services, @DefaultValue("127.0.0.1") String address) {

    public ProxyProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * @param port             where the proxy listens for this service (its documented port)
     * @param idempotentPosts  path patterns of the POSTs the service deduplicates by a key in the request (a
     *                         checkout id, a refund id, an event id), which may be repeated on another instance
     *                         when the first one failed mid-request; a POST with an {@code Idempotency-Key} header
     *                         is repeatable too
     */
    public record Service(int port, @DefaultValue List<String> idempotentPosts) {
    }
}
