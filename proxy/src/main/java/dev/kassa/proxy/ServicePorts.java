package dev.kassa.proxy;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * One more Tomcat connector per fronted service, so that each keeps its own port and its clients need not change
 * a URL when it runs as several instances. Boot configures one port ({@code server.port}, the proxy's own
 * health and metrics); further connectors are Tomcat's own API, which Boot leaves to a customizer.
 */
@Component
class ServicePorts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

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
            factory.addAdditionalConnectors(connector);
        });
    }
}
