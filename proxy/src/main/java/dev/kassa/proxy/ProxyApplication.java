package dev.kassa.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Cloud Gateway in front of several instances of each Kassa service (docs/architecture.md §12): each service
 * keeps its one documented port, and the proxy spreads its requests over the instances that report ready.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProxyApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProxyApplication.class, args);
    }
}
