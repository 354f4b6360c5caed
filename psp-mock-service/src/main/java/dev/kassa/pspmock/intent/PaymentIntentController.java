package dev.kassa.pspmock.intent;

import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentIntentController {

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

    @GetMapping("/v1/payment_intents/{id}")
    ResponseEntity<String> show(@PathVariable String id) {
        PaymentIntent intent = intents.findById(id).orElseThrow(() -> ApiException.notFound("payment_intent", id, "id"));
        return json.render(200, intent.view()).toEntity();
    }
}
