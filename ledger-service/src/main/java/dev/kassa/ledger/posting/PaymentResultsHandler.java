package dev.kassa.ledger.posting;

import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ledger's reaction to payment.results. The messaging library runs it in one transaction with the
 * inbox row and puts the payment order id into the MDC; a succeeded payment or refund and a dispute's withdrawn
 * or reinstated funds become a journal entry, a failure moved no money and is acknowledged without effect.
 */
@Component
class PaymentResultsHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultsHandler.class);

    private final PostingService postings;
    private final PostingMetrics metrics;

    PaymentResultsHandler(PostingService postings, PostingMetrics metrics) {
        this.postings = postings;
        this.metrics = metrics;
    }

    public void handle(InboundEvent event) {
        switch (event.record()) {
            case PaymentOrderSucceeded succeeded -> postings.post(PostingRequest.of(succeeded));
            case RefundSucceeded refunded -> postings.post(PostingRequest.of(refunded));
            case DisputeFundsWithdrawn withdrawn -> postings.post(PostingRequest.of(withdrawn));
            case DisputeFundsReinstated reinstated -> postings.post(PostingRequest.of(reinstated));
            case PaymentOrderFailed failed -> ignore("PaymentOrderFailed", failed.getPaymentOrderId());
            case RefundFailed failed -> ignore("RefundFailed", failed.getPaymentOrderId());
            default -> throw new InvalidEventException("payment.results carries no "
                    + event.record().getSchema().getFullName() + " (event " + event.eventId() + ")");
        }
    }

    private void ignore(String type, String paymentOrderId) {
        metrics.ignored(type);
        log.debug("{} of {} moved no money: nothing to post", type, paymentOrderId);
    }
}
