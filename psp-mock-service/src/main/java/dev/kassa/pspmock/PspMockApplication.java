package dev.kassa.pspmock;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A stateful, Stripe-like PSP simulator: payment intents, refunds, signed webhooks, settlement files. */
// Without Spring Data's web support: the API pages by itself, and with json-path on the class path (as in tests)
// its projecting JSON converter would go first and answer every String body as a JSON string.
@SpringBootApplication(exclude = DataWebAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class PspMockApplication {

    public static void main(String[] args) {
        SpringApplication.run(PspMockApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
