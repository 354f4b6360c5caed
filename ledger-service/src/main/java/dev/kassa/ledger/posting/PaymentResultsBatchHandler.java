package dev.kassa.ledger.posting;

import dev.kassa.messaging.consumer.BatchEventHandler;
import dev.kassa.messaging.consumer.EventHandler;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Applies a poll of payment.results in the batch's one transaction with the effect of
 * {@link PaymentResultsHandler} applied to each event in read order (the messaging library's contract), in
 * fewer statements: each run of consecutive succeeded payments is posted by ONE statement. Any other event
 * first posts the payments read before it, then goes through {@link PaymentResultsHandler} on its own, so a
 * refund or a dispute sees its payment (and reinstated funds their withdrawal) even when that came earlier in the
 * same poll, and failures stay ignored.
 *
 * <p>If anything fails (a payment that contradicts its posted entry, a refund that cannot be posted yet),
 * the batch rolls back and the library applies its events again one by one with the event handler.
 */
@Component
class PaymentResultsBatchHandler implements BatchEventHandler {

    private final PostingService postings;
    private final BatchEventHandler eventByEvent;

    PaymentResultsBatchHandler(PostingService postings, PaymentResultsHandler handler) {
        this.postings = postings;
        this.eventByEvent = BatchEventHandler.oneByOne(ConsumerGroups.LEDGER_SERVICE, handler::handle);
    }

    @Override
    public void handle(List<InboundEvent> events) {
        List<InboundEvent> payments = new ArrayList<>();
        for (InboundEvent event : events) {
            if (event.record() instanceof PaymentOrderSucceeded) {
                payments.add(event);
            } else {
                post(payments);
                payments.clear();
                eventByEvent.handle(List.of(event));
            }
        }
        post(payments);
    }

    private void post(List<InboundEvent> payments) {
        if (payments.isEmpty()) {
            return;
        }
        Map<PostingRequest, InboundEvent> eventOf = new IdentityHashMap<>(payments.size() * 2);
        List<PostingRequest> requests = new ArrayList<>(payments.size());
        for (InboundEvent event : payments) {
            PostingRequest request = PostingRequest.of((PaymentOrderSucceeded) event.record());
            eventOf.put(request, event);
            requests.add(request);
        }
        for (PostingRequest repeated : postings.postPayments(requests)) {
            // As the event handler would: counted as already posted, or dead-lettered if it contradicts.
            withEventInLogContext(eventOf.get(repeated), event -> postings.alreadyPosted(repeated));
        }
    }

    /** The library's one-by-one wrapper puts the event's payment order and event id into the MDC. */
    private static void withEventInLogContext(InboundEvent event, EventHandler action) {
        BatchEventHandler.oneByOne(ConsumerGroups.LEDGER_SERVICE, action).handle(List.of(event));
    }
}
