package dev.kassa.pspmock.dispute;

import java.util.List;
import java.util.Optional;
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

/** Stripe's Disputes: retrieve, list, update (evidence, metadata, submit), close (accept). */
@RestController
class DisputeController {

    /** {@link ApiList#PAGING} and the filters. */
    private static final Set<String> LIST_PARAMETERS =
            Set.of("limit", "starting_after", "ending_before", "expand", "payment_intent", "charge");
    private static final String URL = "/v1/disputes";

    private final DisputeService service;
    private final Disputes disputes;
    private final DisputeOutcomes outcomes;
    private final IdempotentRequests idempotentRequests;
    private final ApiJson json;

    DisputeController(DisputeService service, Disputes disputes, DisputeOutcomes outcomes,
                      IdempotentRequests idempotentRequests, ApiJson json) {
        this.service = service;
        this.disputes = disputes;
        this.outcomes = outcomes;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    /** {@code GET /v1/disputes[?payment_intent=][&charge=][&limit=][&starting_after=|ending_before=]}, newest first. */
    @GetMapping(URL)
    ResponseEntity<String> list(HttpServletRequest http) {
        JsonRequest query = JsonRequest.ofQuery(http.getQueryString()).allowOnly(LIST_PARAMETERS);
        ApiList.Paging paging = ApiList.Paging.from(query);
        Optional<String> byIntent = query.optionalString("payment_intent");
        Optional<String> byCharge = query.optionalString("charge")
                .map(charge -> charge.startsWith("ch_") ? "pi_" + charge.substring(3) : charge);
        paging.startingAfter().ifPresent(id -> requireExists(id, "starting_after"));
        paging.endingBefore().ifPresent(id -> requireExists(id, "ending_before"));
        if (byIntent.isPresent() && byCharge.isPresent() && !byIntent.equals(byCharge)) {
            return json.render(200, ApiList.of(URL, paging, List.<Dispute>of(), outcomes::view)).toEntity();
        }
        String paymentIntent = byIntent.or(() -> byCharge).orElse(null);
        List<Dispute> rows = paging.endingBefore()
                .map(before -> disputes.listNewer(paymentIntent, before, paging.limit() + 1).reversed())
                .orElseGet(() -> disputes.listOlder(paymentIntent, paging.startingAfter().orElse(null),
                        paging.limit() + 1));
        return json.render(200, ApiList.of(URL, paging, rows, outcomes::view)).toEntity();
    }

    private void requireExists(String id, String param) {
        if (!disputes.existsById(id)) {
            throw ApiException.notFound("dispute", id, param);
        }
    }

    @GetMapping(URL + "/{id}")
    ResponseEntity<String> show(@PathVariable String id) {
        Dispute dispute = disputes.findById(id).orElseThrow(() -> ApiException.notFound("dispute", id, "id"));
        return json.render(200, outcomes.view(dispute)).toEntity();
    }

    @PostMapping(URL + "/{id}")
    ResponseEntity<String> update(@PathVariable String id,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        UpdateDisputeRequest request = UpdateDisputeRequest.from(json.readRequest(http));
        return idempotentRequests.execute(key, request.fingerprint(id, json), () -> service.update(id, request));
    }

    @PostMapping(URL + "/{id}/close")
    ResponseEntity<String> close(@PathVariable String id,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        json.readRequest(http).allowOnly(Set.of("expand")).optionalStringList("expand");
        return idempotentRequests.execute(key, RequestFingerprint.of("POST /v1/disputes/{id}/close", id),
                () -> service.close(id));
    }
}
