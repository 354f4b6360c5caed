package dev.kassa.payment;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide beans: properties and the clock (the body-size limit is the web module's, kassa.web.max-body-bytes). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentServiceConfiguration {

    /** One clock for event timestamps and the webhook tolerance. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
