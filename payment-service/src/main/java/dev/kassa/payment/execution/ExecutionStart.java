package dev.kassa.payment.execution;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderRepository;
import dev.kassa.payment.order.PaymentOrderStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an order to EXECUTING in its OWN, immediately committed transaction, before the PSP is called.
 * Were it part of the consumer's transaction, a failed call would roll it back to NOT_STARTED, where an
 * order charged at the PSP but dead-lettered here would be invisible to the janitor, which looks for
 * orders stuck in EXECUTING.
 */
@Component
public class ExecutionStart {

    private final PaymentOrderRepository orders;

    public ExecutionStart(PaymentOrderRepository orders) {
        this.orders = orders;
    }

    /**
     * @return the order if the PSP is to be called for {@code attempt}: it just moved to EXECUTING, or it was
     *         already EXECUTING that attempt (a retried record: calling again with the same key is safe);
     *         empty when the attempt is resolved or superseded
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<PaymentOrder> begin(String paymentOrderId, int attempt) {
        orders.startExecution(paymentOrderId, attempt);
        return orders.find(paymentOrderId)
                .filter(order -> order.status() == PaymentOrderStatus.EXECUTING && order.attempt() == attempt);
    }
}
