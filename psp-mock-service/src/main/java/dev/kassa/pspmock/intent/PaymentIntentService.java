package dev.kassa.pspmock.intent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
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

/**
 * Charges: decides the outcome by payment method and records intent, balance transaction and event together (and, for
 * a dispute test card, the dispute opened on the charge, {@link TestCardDisputes}).
 */
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
    private final TestCardDisputes testCardDisputes;
    private final IdempotentRequests idempotentRequests;
    private final Counter succeededCount;
    private final Counter declinedCount;
    private final Counter processingCount;

    PaymentIntentService(PaymentIntents intents, BalanceTransactions balanceTransactions,
                         EventPublisher events, TestCards cards, OutcomeProperties properties, ApiJson json,
                         Clock clock, ProcessingIntentResolver resolver, TestCardDisputes testCardDisputes,
                         IdempotentRequests idempotentRequests, MeterRegistry meters) {
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.cards = cards;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.resolver = resolver;
        this.testCardDisputes = testCardDisputes;
        this.idempotentRequests = idempotentRequests;
        this.succeededCount = meters.counter("psp.payment_intents", "outcome", "succeeded");
        this.declinedCount = meters.counter("psp.payment_intents", "outcome", "declined");
        this.processingCount = meters.counter("psp.payment_intents", "outcome", "processing");
    }

    /** Runs in the idempotency key's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse create(CreatePaymentIntentRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = Ids.newId("pi");
        if (!request.confirm()) {
            String status = request.paymentMethod() == null
                    ? PaymentIntent.REQUIRES_PAYMENT_METHOD : PaymentIntent.REQUIRES_CONFIRMATION;
            PaymentIntent intent = intent(id, request, status, null, now, null, null);
            intents.insert(intent, List.of());
            return json.render(200, intent.view());
        }
        ChargeOutcome outcome = cards.chargeOutcome(request.paymentMethod());
        return switch (outcome) {
            case Succeeds succeeds -> {
                PaymentIntent intent = intent(id, request, PaymentIntent.SUCCEEDED, null, now, null, null);
                ApiResponse response = json.render(200, intent.view());
                // The intent, its balance transaction, its event and deliveries, and the answer: one statement.
                List<RowInsert> alongWith = new ArrayList<>();
                alongWith.add(balanceTransactions.charge(id, intent.paymentOrderId(), intent.amount(), intent.currency(), now));
                alongWith.addAll(events.rows(EventType.PAYMENT_INTENT_SUCCEEDED, id, json.raw(response.body())));
                intents.insert(intent, alongWith, idempotentRequests.answerInStatement(response));
                if (succeeds.disputed()) {
                    testCardDisputes.openOn(intent, succeeds.disputeReason(), now);
                }
                succeededCount.increment();
                yield response;
            }
            case Declined declined -> {
                PaymentIntent intent = intent(id, request, PaymentIntent.REQUIRES_PAYMENT_METHOD, declined.error(), now,
                        null, null);
                ApiResponse response = json.render(declineError(intent));
                intents.insert(intent, events.rows(EventType.PAYMENT_INTENT_PAYMENT_FAILED, id, intent.view()),
                        idempotentRequests.answerInStatement(response));
                declinedCount.increment();
                yield response;
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

    /**
     * {@code POST /v1/payment_intents/{id}/confirm}: charges an intent in {@code requires_confirmation} or
     * {@code requires_payment_method} with its payment method or the one given. Not the hot path (a charge with
     * {@code confirm=true} is): a locked read, an update, the balance transaction and the event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse confirm(String id, String paymentMethod) {
        PaymentIntent intent = intents.findForUpdateById(id)
                .orElseThrow(() -> ApiException.notFound("payment_intent", id, "id"));
        if (!awaitsConfirmation(intent)) {
            throw unexpectedState(intent, "confirm");
        }
        String method = paymentMethod != null ? paymentMethod : intent.paymentMethod();
        if (method == null) {
            throw new ApiException(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method. "
                            + "Confirm it with a payment_method.", "payment_method",
                    Map.of("payment_intent", intent.view()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (cards.chargeOutcome(method)) {
            case Succeeds succeeds -> {
                PaymentIntent succeeded = intent.confirmedAs(PaymentIntent.SUCCEEDED, method, null, null, null);
                intents.confirm(id, succeeded.status(), method, null, null, null);
                balanceTransactions.recordCharge(id, succeeded.paymentOrderId(), succeeded.amount(),
                        succeeded.currency(), now);
                events.publish(EventType.PAYMENT_INTENT_SUCCEEDED, id, succeeded.view());
                if (succeeds.disputed()) {
                    testCardDisputes.openOn(succeeded, succeeds.disputeReason(), now);
                }
                succeededCount.increment();
                yield json.render(200, succeeded.view());
            }
            case Declined declined -> {
                PaymentIntent failed = intent.confirmedAs(PaymentIntent.REQUIRES_PAYMENT_METHOD, method,
                        declined.error(), null, null);
                intents.confirm(id, failed.status(), method, declined.error(), null, null);
                events.publish(EventType.PAYMENT_INTENT_PAYMENT_FAILED, id, failed.view());
                declinedCount.increment();
                yield json.render(declineError(failed));
            }
            case Processing async -> {
                Instant resolveAt = now.plus(properties.asyncDelay());
                String resolvesTo = async.succeeds() ? PaymentIntent.SUCCEEDED : PaymentIntent.REQUIRES_PAYMENT_METHOD;
                PaymentIntent processing = intent.confirmedAs(PaymentIntent.PROCESSING, method, null, resolveAt,
                        resolvesTo);
                intents.confirm(id, processing.status(), method, null, resolveAt, resolvesTo);
                resolver.wakeUp().dueAfterCommit(resolveAt);
                processingCount.increment();
                yield json.render(200, processing.view());
            }
        };
    }

    /** {@code POST /v1/payment_intents/{id}/cancel}: only before it is charged, as Stripe allows for card payments. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse cancel(String id, String reason) {
        PaymentIntent intent = intents.findForUpdateById(id)
                .orElseThrow(() -> ApiException.notFound("payment_intent", id, "id"));
        if (!awaitsConfirmation(intent)) {
            throw unexpectedState(intent, "cancel");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentIntent canceled = intent.canceled(now, reason);
        intents.cancel(id, now, reason);
        events.publish(EventType.PAYMENT_INTENT_CANCELED, id, canceled.view());
        return json.render(200, canceled.view());
    }

    private static boolean awaitsConfirmation(PaymentIntent intent) {
        return PaymentIntent.REQUIRES_CONFIRMATION.equals(intent.status())
                || PaymentIntent.REQUIRES_PAYMENT_METHOD.equals(intent.status());
    }

    private static ApiException unexpectedState(PaymentIntent intent, String action) {
        return new ApiException(400, "invalid_request_error", "payment_intent_unexpected_state",
                "You cannot " + action + " this PaymentIntent because it has a status of " + intent.status() + ".",
                null, Map.of("payment_intent", intent.view()));
    }

    /** HTTP 402 with the card error and the declined intent, as Stripe answers a decline. */
    private static ApiException declineError(PaymentIntent intent) {
        CardError error = intent.lastPaymentError();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("decline_code", error.declineCode());
        extra.put("charge", Ids.chargeOf(intent.id()));
        extra.put("payment_intent", intent.view());
        return new ApiException(402, error.type(), error.code(), error.message(), null, extra);
    }

    private static PaymentIntent intent(String id, CreatePaymentIntentRequest request, String status,
                                        CardError error, Instant now, Instant resolveAt, String resolvesTo) {
        return new PaymentIntent(id, request.amount(), request.currency(), status, request.paymentMethod(),
                new Metadata(request.metadata()), error, 0, now, resolveAt, resolvesTo, null, null);
    }
}
