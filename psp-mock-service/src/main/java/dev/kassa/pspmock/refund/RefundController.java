package dev.kassa.pspmock.refund;

import java.util.List;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiList;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.intent.OutcomeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's Refunds: create, retrieve, list. */
@RestController
class RefundController {

    /** {@link ApiList#PAGING} and the filters. */
    private static final Set<String> LIST_PARAMETERS =
            Set.of("limit", "starting_after", "ending_before", "expand", "payment_intent", "charge");

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

    /** {@code GET /v1/refunds[?payment_intent=|charge=][&limit=][&starting_after=|ending_before=]}, newest first. */
    @GetMapping("/v1/refunds")
    ResponseEntity<String> list(HttpServletRequest http) {
        JsonRequest query = JsonRequest.ofQuery(http.getQueryString()).allowOnly(LIST_PARAMETERS);
        ApiList.Paging paging = ApiList.Paging.from(query);
        String paymentIntent = query.optionalString("payment_intent")
                .or(() -> query.optionalString("charge").map(charge -> charge.startsWith("ch_")
                        ? "pi_" + charge.substring(3) : charge))
                .orElse(null);
        paging.startingAfter().ifPresent(id -> requireExists(id, "starting_after"));
        paging.endingBefore().ifPresent(id -> requireExists(id, "ending_before"));
        List<Refund> rows = paging.endingBefore()
                .map(before -> refunds.listNewer(paymentIntent, before, paging.limit() + 1).reversed())
                .orElseGet(() -> refunds.listOlder(paymentIntent, paging.startingAfter().orElse(null),
                        paging.limit() + 1));
        return json.render(200, ApiList.of("/v1/refunds", paging, rows, Refund::view)).toEntity();
    }

    private void requireExists(String id, String param) {
        if (!refunds.existsById(id)) {
            throw ApiException.notFound("refund", id, param);
        }
    }

    @GetMapping("/v1/refunds/{id}")
    ResponseEntity<String> show(@PathVariable String id) {
        Refund refund = refunds.findById(id).orElseThrow(() -> ApiException.notFound("refund", id, "id"));
        return json.render(200, refund.view()).toEntity();
    }
}
