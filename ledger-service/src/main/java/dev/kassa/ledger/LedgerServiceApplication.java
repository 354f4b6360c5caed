package dev.kassa.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ledger-service: the immutable double-entry ledger of Kassa (docs/architecture.md §7). */
// Without Spring Data's web support: the API pages by itself, and with json-path on the class path (as in tests)
// its projecting JSON converter would go first and answer every String body as a JSON string.
@SpringBootApplication(exclude = DataWebAutoConfiguration.class)
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerServiceApplication.class, args);
    }
}
