package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.payment.PaymentProperties;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor: consumes {@code payment.psp-requests} as group {@code payment-service}, whole polls at a time
 * and concurrently ({@link PspRequestBatch}), on {@code kassa.payment.executor.consumer-threads} threads.
 */
@Configuration(proxyBeanMethods = false)
class PspRequestsConsumer {

    @Bean
    EventConsumer pspRequests(PspRequestBatch executor, PaymentProperties properties) {
        return EventConsumer.concurrent(Topics.PAYMENT_PSP_REQUESTS, ConsumerGroups.PAYMENT_SERVICE, executor)
                .withConcurrency(properties.executor().consumerThreads());
    }
}
