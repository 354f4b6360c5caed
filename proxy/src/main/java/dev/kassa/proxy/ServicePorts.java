package dev.kassa.proxy;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * One more Tomcat connector per fronted service, so that each keeps its own port and its clients need not change
 * a URL when it runs as several instances. Boot configures one port ({@code server.port}, the proxy's own
 * health and metrics); further connectors are Tomcat's own API, which Boot leaves to a customizer.
 *
 * <p>Boot applies its connector settings ({@code server.tomcat.*}: virtual threads, the proxy's bound on connections)
 * to its own connector only, so each further one gets them here, after Boot's customizers have registered them.
 * Without that a service's port ran on Tomcat's default pool of 200 platform threads: under a cold start's overload
 * the 201st checkout waited in the pool's queue, unseen by the instances' admission control and unbounded in time,
 * and answers came after the clients had given up (measured with two instances at 30 checkouts/s: no POST answered
 * after the first 1,156).
 */
@Component
class ServicePorts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProxyProperties properties;

    ServicePorts(ProxyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        properties.services().values().forEach(service -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(service.port());
            connector.setProperty("address", properties.address());
            factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
            ProtocolHandler handler = connector.getProtocolHandler();
            // As Boot invokes them for its own connector: a customizer typed for another protocol is skipped.
            LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getProtocolHandlerCustomizers(), handler)
                    .invoke(customizer -> customizer.customize(handler));
            factory.addAdditionalConnectors(connector);
        });
    }

    /** After Boot's own customizers, whose settings it copies. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
