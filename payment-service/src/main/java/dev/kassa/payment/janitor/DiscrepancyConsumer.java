package dev.kassa.payment.janitor;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code reconciliation.discrepancies} (docs/architecture.md §2: payment-service's janitor is a consumer): a
 * discrepancy about an order still EXECUTING here is resolved at once by asking the PSP; every other
 * one is logged for operators, since money questions beyond a stuck order need a human.
 */
@Configuration(proxyBeanMethods = false)
class DiscrepancyConsumer {

    private static final Logger log = LoggerFactory.getLogger(DiscrepancyConsumer.class);

    @Bean
    EventConsumer reconciliationDiscrepancies(Janitor janitor) {
        return EventConsumer.of(Topics.RECONCILIATION_DISCREPANCIES, ConsumerGroups.PAYMENT_SERVICE, event -> {
            DiscrepancyFound discrepancy = event.recordAs(DiscrepancyFound.class);
            String orderId = discrepancy.getPaymentOrderId();
            try (PaymentMdc mdc = PaymentMdc.of(null, orderId)) {
                if (orderId != null && janitor.repairNow(orderId)) {
                    log.info("Discrepancy {} of {} resolved a stuck order", discrepancy.getDiscrepancyType(),
                            discrepancy.getReportDate());
                } else {
                    log.warn("Reconciliation discrepancy {} of {} for operators: expected {}, actual {} ({})",
                            discrepancy.getDiscrepancyType(), discrepancy.getReportDate(), discrepancy.getExpected(),
                            discrepancy.getActual(), discrepancy.getDetail());
                }
            }
        });
    }
}
