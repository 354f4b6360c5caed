package dev.kassa.console;

import dev.kassa.web.KassaWebAutoConfiguration;
import dev.kassa.web.security.KassaSecurityAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operator console: web pages for operators and finance over the five services' APIs. It keeps no data of its own;
 * every page is read, and every action made, through a service's API with the signed-in operator's key, so the
 * services' own access rules and audit trail apply unchanged. The services' stateless bearer security and JSON problem
 * answers are theirs: the console has sign-in, a session and HTML pages instead ({@code signin}).
 */
@SpringBootApplication(exclude = {KassaSecurityAutoConfiguration.class, KassaWebAutoConfiguration.class})
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
