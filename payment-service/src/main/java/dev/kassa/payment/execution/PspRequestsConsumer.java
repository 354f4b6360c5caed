package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.payment.PaymentProperties;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.RefundExecutionRequested;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The executor: consumes {@code payment.psp-requests} as group {@code payment-service}. */
@Configuration(proxyBeanMethods = false)
public class PspRequestsConsumer {

    @Bean
    EventConsumer pspRequests(PaymentExecutor payments, RefundExecutor refunds, PaymentProperties properties) {
        return EventConsumer.of(Topics.PAYMENT_PSP_REQUESTS, ConsumerGroups.PAYMENT_SERVICE,
                (InboundEvent event) -> {
                    switch (event.record()) {
                        case PaymentOrderExecutionRequested charge -> payments.execute(charge);
                        case RefundExecutionRequested refund -> refunds.execute(refund);
                        default -> throw new InvalidEventException("payment.psp-requests does not carry "
                                + event.record().getSchema().getFullName());
                    }
                }).withConcurrency(properties.executorConcurrency());
    }
}
