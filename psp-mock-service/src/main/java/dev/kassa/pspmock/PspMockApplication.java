package dev.kassa.pspmock;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A stateful, Stripe-like PSP simulator: payment intents, refunds, signed webhooks, settlement files. */
@SpringBootApplication
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
