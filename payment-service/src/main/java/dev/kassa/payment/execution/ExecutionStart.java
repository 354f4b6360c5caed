package dev.kassa.payment.execution;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Moves a wave's orders to EXECUTING in their OWN, immediately committed statement, before the PSP is called.
 * Were it part of the transaction that applies the answers, a failed call would leave the order NOT_STARTED,
 * where an order charged at the PSP but dead-lettered here would be invisible to the janitor, which looks for
 * orders stuck in EXECUTING.
 */
@Component
class ExecutionStart {

    private final PaymentOrders orders;

    ExecutionStart(PaymentOrders orders) {
        this.orders = orders;
    }

    /**
     * @return by payment order id, the orders whose PSP is to be called for the requested attempt: they just
     *         moved to EXECUTING, or were already EXECUTING that attempt (a request delivered again); requests
     *         for a resolved or superseded attempt are absent
     */
    Map<String, PaymentOrder> begin(List<PaymentOrderExecutionRequested> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        List<PaymentOrder> executing = orders.startExecutions(
                requests.stream().map(PaymentOrderExecutionRequested::getPaymentOrderId).toList(),
                requests.stream().map(PaymentOrderExecutionRequested::getAttempt).toList());
        return executing.stream().collect(Collectors.toMap(PaymentOrder::paymentOrderId, Function.identity()));
    }
}
