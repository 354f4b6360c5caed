package dev.kassa.payment.execution;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.risk.RiskCheck;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the risk check on a wave's orders and moves those it lets through to EXECUTING, in their OWN, immediately
 * committed transaction, before the PSP is called. Were it part of the transaction that applies the answers, a
 * failed call would leave the order NOT_STARTED, where an order charged at the PSP but dead-lettered here would be
 * invisible to the janitor, which looks for orders stuck in EXECUTING. The orders the check stops fail in the same
 * transaction (three statements for the wave besides their events: the check, the failures, the start).
 */
@Component
class ExecutionStart {

    private final PaymentOrders orders;
    private final RiskCheck risk;
    private final PaymentResults results;
    private final TransactionTemplate transactions;

    ExecutionStart(PaymentOrders orders, RiskCheck risk, PaymentResults results, TransactionTemplate transactions) {
        this.orders = orders;
        this.risk = risk;
        this.results = results;
        this.transactions = transactions;
    }

    /**
     * @return by payment order id, the orders whose PSP is to be called for the requested attempt: they just
     *         passed the risk check and moved to EXECUTING, or were already EXECUTING that attempt (a request
     *         delivered again: it passed the check before); requests for a resolved or superseded attempt, and the
     *         orders the check stopped, are absent
     */
    Map<String, PaymentOrder> begin(List<PaymentOrderExecutionRequested> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        List<String> ids = requests.stream().map(PaymentOrderExecutionRequested::getPaymentOrderId).toList();
        List<Integer> attempts = requests.stream().map(PaymentOrderExecutionRequested::getAttempt).toList();
        List<PaymentOrder> executing = transactions.execute(status -> {
            // Only orders still NOT_STARTED are screened, and only they can be stopped (the failure is guarded
            // by that status): an order already EXECUTING may have been charged, and is never failed here.
            Set<String> stopped = results.paymentsStopped(risk.screen(ids, attempts)).stream()
                    .map(RiskCheck.Stop::paymentOrderId).collect(Collectors.toSet());
            List<String> startIds = new ArrayList<>(ids.size());
            List<Integer> startAttempts = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                if (!stopped.contains(ids.get(i))) {
                    startIds.add(ids.get(i));
                    startAttempts.add(attempts.get(i));
                }
            }
            return startIds.isEmpty() ? List.of() : orders.startExecutions(startIds, startAttempts);
        });
        return executing.stream().collect(Collectors.toMap(PaymentOrder::paymentOrderId, Function.identity()));
    }
}
