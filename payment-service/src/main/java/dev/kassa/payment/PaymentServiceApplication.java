package dev.kassa.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;

/**
 * Without Spring Data's web support: the API takes no paging or projection parameters, and its projecting JSON
 * converter (added when json-path is on the classpath, as in tests) would read raw {@code byte[]} bodies as JSON.
 */
@SpringBootApplication(exclude = DataWebAutoConfiguration.class)
public class PaymentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentServiceApplication.class, args);
    }
}
