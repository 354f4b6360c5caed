package dev.kassa.pspmock.refund;

import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.intent.OutcomeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RefundController {

    private final RefundService service;
    private final Refunds refunds;
    private final IdempotentRequests idempotentRequests;
    private final OutcomeProperties outcomes;
    private final ApiJson json;

    RefundController(RefundService service, Refunds refunds, IdempotentRequests idempotentRequests,
                     OutcomeProperties outcomes, ApiJson json) {
        this.service = service;
        this.refunds = refunds;
        this.idempotentRequests = idempotentRequests;
        this.outcomes = outcomes;
        this.json = json;
    }

    @PostMapping("/v1/refunds")
    ResponseEntity<String> create(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        CreateRefundRequest request = CreateRefundRequest.from(json.readRequest(http), outcomes.maxAmount());
        return idempotentRequests.execute(key, request.fingerprint(json), () -> service.create(request));
    }

    @GetMapping("/v1/refunds/{id}")
    ResponseEntity<String> show(@PathVariable String id) {
        Refund refund = refunds.findById(id).orElseThrow(() -> ApiException.notFound("refund", id, "id"));
        return json.render(200, refund.view()).toEntity();
    }
}
