package dev.kassa.pspmock.dispute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiList;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.idempotency.RequestFingerprint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's Disputes: retrieve, list, update (evidence, metadata, submit), close (accept). */
@RestController
@Tag(name = "Disputes", description = "Stripe's Disputes, opened by the dispute test cards (`tok_createDispute…`) or"
        + " `POST /admin/disputes`: answer with evidence, or accept. The PSP's secret key (`sk_…`) only.")
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
    @Operation(operationId = "listDisputes", summary = "List disputes, newest first", description = StripeForms.PAGING)
    @Parameter(in = ParameterIn.QUERY, name = "payment_intent", description = "Only this payment's dispute",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "charge", description = "Only this charge's dispute (with"
            + " `payment_intent` too: both must name the same payment)",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = StripeForms.LIMIT,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(in = ParameterIn.QUERY, name = "starting_after", description = StripeForms.STARTING_AFTER,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "ending_before", description = StripeForms.ENDING_BEFORE,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of disputes", content = @Content(
            schema = @Schema(implementation = DisputeList.class)))
    @ApiResponse(responseCode = "404", description = StripeForms.CURSOR_MISSING, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
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
    @Operation(operationId = "retrieveDispute", summary = "Retrieve a dispute")
    @ApiResponse(responseCode = "200", description = "The Dispute", content = @Content(
            schema = @Schema(implementation = Dispute.View.class)))
    ResponseEntity<String> show(@Parameter(description = "The dispute (`dp_…`)") @PathVariable String id) {
        Dispute dispute = disputes.findById(id).orElseThrow(() -> ApiException.notFound("dispute", id, "id"));
        return json.render(200, outcomes.view(dispute)).toEntity();
    }

    @PostMapping(URL + "/{id}")
    @Operation(operationId = "updateDispute", summary = "Update a dispute: evidence, metadata, submit",
            description = "While it `needs_response` and is not past due: sets evidence fields and metadata (an empty"
                    + " value removes one), and with `submit` (default true) sends the evidence: `under_review`."
                    + " Under review only metadata may change. 400 `dispute_already_closed`,"
                    + " `dispute_already_submitted`, `dispute_past_due`. Sends `charge.dispute.updated` when anything"
                    + " changed.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = UpdateParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = UpdateParams.class))}))
    @ApiResponse(responseCode = "200", description = "The Dispute", content = @Content(
            schema = @Schema(implementation = Dispute.View.class)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE + "; or `dispute_unexpected_state`: it"
            + " changed while this request ran (retrieve it and try again)", content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> update(@Parameter(description = "The dispute (`dp_…`)") @PathVariable String id,
                                  @Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        UpdateDisputeRequest request = UpdateDisputeRequest.from(json.readRequest(http));
        return idempotentRequests.execute(key, request.fingerprint(id, json), () -> service.update(id, request));
    }

    @PostMapping(URL + "/{id}/close")
    @Operation(operationId = "closeDispute", summary = "Close a dispute: accept it",
            description = "The merchant accepts the dispute, which is then `lost` (`charge.dispute.closed`). Only"
                    + " while it `needs_response` (past due too); 400 `dispute_already_submitted` or"
                    + " `dispute_already_closed` otherwise.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = CloseParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = CloseParams.class))}))
    @ApiResponse(responseCode = "200", description = "The closed Dispute", content = @Content(
            schema = @Schema(implementation = Dispute.View.class)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE + "; or `dispute_unexpected_state`: it"
            + " changed while this request ran (retrieve it and try again)", content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> close(@Parameter(description = "The dispute (`dp_…`)") @PathVariable String id,
                                 @Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        json.readRequest(http).allowOnly(Set.of("expand")).optionalStringList("expand");
        return idempotentRequests.execute(key, RequestFingerprint.of("POST /v1/disputes/{id}/close", id),
                () -> service.close(id));
    }

    /** {@code POST /v1/disputes/{id}}, as {@link UpdateDisputeRequest} reads it (the document's only). */
    @Schema(name = "DisputeUpdateParams")
    record UpdateParams(@Schema(description = "Evidence fields by Stripe's names, each a text of at most 20,000"
                                + " characters (`evidence[uncategorized_text]=winning_evidence`); an empty value"
                                + " removes one. `enhanced_evidence` is not taken.") Map<String, String> evidence,
                        @Schema(description = "String values; an empty value removes a key, `metadata=` all of them")
                        Map<String, String> metadata,
                        @Schema(description = "Submit the evidence (`under_review`); false only stages it",
                                defaultValue = "true") Boolean submit,
                        @Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    @Schema(name = "DisputeCloseParams")
    record CloseParams(@Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    /** The document's view of {@link ApiList#of} for disputes. */
    @Schema(name = "DisputeList", description = "Stripe's list object")
    record DisputeList(@Schema(allowableValues = "list") String object, List<Dispute.View> data,
                       @Schema(description = StripeForms.HAS_MORE) boolean hasMore,
                       @Schema(example = "/v1/disputes") String url) {
    }
}
