package dev.kassa.pspmock.intent;

import java.util.List;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiList;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.idempotency.RequestFingerprint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's PaymentIntents: create (with or without {@code confirm}), confirm, cancel, retrieve, list. */
@RestController
class PaymentIntentController {

    private static final Set<String> CONFIRM_PARAMETERS = Set.of("payment_method", "return_url", "expand");
    private static final Set<String> CANCELLATION_REASONS =
            Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    private final PaymentIntentService service;
    private final PaymentIntents intents;
    private final IdempotentRequests idempotentRequests;
    private final OutcomeProperties outcomes;
    private final ApiJson json;

    PaymentIntentController(PaymentIntentService service, PaymentIntents intents,
                            IdempotentRequests idempotentRequests, OutcomeProperties outcomes, ApiJson json) {
        this.service = service;
        this.intents = intents;
        this.idempotentRequests = idempotentRequests;
        this.outcomes = outcomes;
        this.json = json;
    }

    @PostMapping("/v1/payment_intents")
    ResponseEntity<String> create(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        CreatePaymentIntentRequest request = CreatePaymentIntentRequest.from(json.readRequest(http), outcomes.maxAmount());
        return idempotentRequests.execute(key, request.fingerprint(json), () -> service.create(request));
    }

    @PostMapping("/v1/payment_intents/{id}/confirm")
    ResponseEntity<String> confirm(@PathVariable String id,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        JsonRequest body = json.readRequest(http).allowOnly(CONFIRM_PARAMETERS);
        String paymentMethod = CreatePaymentIntentRequest.paymentMethod(body).orElse(null);
        body.optionalString("return_url");
        body.optionalStringList("expand");
        RequestFingerprint fingerprint = RequestFingerprint.of("POST /v1/payment_intents/{id}/confirm",
                id + "\n" + paymentMethod);
        return idempotentRequests.execute(key, fingerprint, () -> service.confirm(id, paymentMethod));
    }

    @PostMapping("/v1/payment_intents/{id}/cancel")
    ResponseEntity<String> cancel(@PathVariable String id,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        JsonRequest body = json.readRequest(http).allowOnly(Set.of("cancellation_reason", "expand"));
        String reason = body.optionalEnum("cancellation_reason", CANCELLATION_REASONS).orElse(null);
        body.optionalStringList("expand");
        RequestFingerprint fingerprint = RequestFingerprint.of("POST /v1/payment_intents/{id}/cancel",
                id + "\n" + reason);
        return idempotentRequests.execute(key, fingerprint, () -> service.cancel(id, reason));
    }

    @GetMapping("/v1/payment_intents")
    ResponseEntity<String> list(HttpServletRequest http) {
        JsonRequest query = JsonRequest.ofQuery(http.getQueryString()).allowOnly(ApiList.PAGING);
        ApiList.Paging paging = ApiList.Paging.from(query);
        paging.startingAfter().ifPresent(id -> requireExists(id, "starting_after"));
        paging.endingBefore().ifPresent(id -> requireExists(id, "ending_before"));
        List<PaymentIntent> rows = paging.endingBefore()
                .map(before -> intents.listNewer(before, paging.limit() + 1).reversed())
                .orElseGet(() -> intents.listOlder(paging.startingAfter().orElse(null), paging.limit() + 1));
        return json.render(200, ApiList.of("/v1/payment_intents", paging, rows, PaymentIntent::view)).toEntity();
    }

    private void requireExists(String id, String param) {
        if (!intents.existsById(id)) {
            throw ApiException.notFound("payment_intent", id, param);
        }
    }

    @GetMapping("/v1/payment_intents/{id}")
    ResponseEntity<String> show(@PathVariable String id) {
        PaymentIntent intent = intents.findById(id).orElseThrow(() -> ApiException.notFound("payment_intent", id, "id"));
        return json.render(200, intent.view()).toEntity();
    }
}
