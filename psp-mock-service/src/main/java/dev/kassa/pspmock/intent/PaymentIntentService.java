package dev.kassa.pspmock.intent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.intent.TestCards.ChargeOutcome;
import dev.kassa.pspmock.intent.TestCards.Declined;
import dev.kassa.pspmock.intent.TestCards.Processing;
import dev.kassa.pspmock.intent.TestCards.Succeeds;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Charges: decides the outcome by payment method and records intent, balance transaction and event together. */
@Service
class PaymentIntentService {

    private final PaymentIntents intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final TestCards cards;
    private final OutcomeProperties properties;
    private final ApiJson json;
    private final Clock clock;
    private final ProcessingIntentResolver resolver;
    private final Counter succeededCount;
    private final Counter declinedCount;
    private final Counter processingCount;

    PaymentIntentService(PaymentIntents intents, BalanceTransactions balanceTransactions,
                         EventPublisher events, TestCards cards, OutcomeProperties properties, ApiJson json,
                         Clock clock, ProcessingIntentResolver resolver, MeterRegistry meters) {
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.cards = cards;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.resolver = resolver;
        this.succeededCount = meters.counter("psp.payment_intents", "outcome", "succeeded");
        this.declinedCount = meters.counter("psp.payment_intents", "outcome", "declined");
        this.processingCount = meters.counter("psp.payment_intents", "outcome", "processing");
    }

    /** Runs in the idempotency key's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse create(CreatePaymentIntentRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = Ids.newId("pi");
        ChargeOutcome outcome = cards.chargeOutcome(request.paymentMethod());
        return switch (outcome) {
            case Succeeds succeeds -> {
                PaymentIntent intent = intent(id, request, PaymentIntent.SUCCEEDED, null, now, null, null);
                ApiResponse response = json.render(200, intent.view());
                // The intent, its balance transaction, its event and deliveries: one statement.
                List<RowInsert> alongWith = new ArrayList<>();
                alongWith.add(balanceTransactions.charge(id, intent.paymentOrderId(), intent.amount(), intent.currency(), now));
                alongWith.addAll(events.rows(EventType.PAYMENT_INTENT_SUCCEEDED, id, json.raw(response.body())));
                intents.insert(intent, alongWith);
                succeededCount.increment();
                yield response;
            }
            case Declined declined -> {
                PaymentIntent intent = intent(id, request, PaymentIntent.REQUIRES_PAYMENT_METHOD, declined.error(), now,
                        null, null);
                intents.insert(intent, events.rows(EventType.PAYMENT_INTENT_PAYMENT_FAILED, id, intent.view()));
                declinedCount.increment();
                yield json.render(declineError(intent));
            }
            case Processing async -> {
                Instant resolveAt = now.plus(properties.asyncDelay());
                PaymentIntent intent = intent(id, request, PaymentIntent.PROCESSING, null, now, resolveAt,
                        async.succeeds() ? PaymentIntent.SUCCEEDED : PaymentIntent.REQUIRES_PAYMENT_METHOD);
                intents.insert(intent, List.of());
                resolver.wakeUp().dueAfterCommit(resolveAt);
                processingCount.increment();
                yield json.render(200, intent.view());
            }
        };
    }

    /** HTTP 402 with the card error and the declined intent, as Stripe answers a decline. */
    private static ApiException declineError(PaymentIntent intent) {
        CardError error = intent.lastPaymentError();
        return new ApiException(402, error.type(), error.code(), error.message(), null,
                Map.of("decline_code", error.declineCode(), "payment_intent", intent.view()));
    }

    private static PaymentIntent intent(String id, CreatePaymentIntentRequest request, String status,
                                        CardError error, Instant now, Instant resolveAt, String resolvesTo) {
        return new PaymentIntent(id, request.amount(), request.currency(), status, request.paymentMethod(),
                new Metadata(request.metadata()), error, 0, now, resolveAt, resolvesTo);
    }
}
