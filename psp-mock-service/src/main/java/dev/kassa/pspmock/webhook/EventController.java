package dev.kassa.pspmock.webhook;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiList;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import dev.kassa.pspmock.api.StripeVersion;
import dev.kassa.pspmock.webhook.EventRepository.DeliveryFilter;
import dev.kassa.pspmock.webhook.EventRepository.StoredEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/events[?delivery_success=false][&type=][&limit=][&starting_after=]} and {@code GET /v1/events/{id}}. */
@RestController
@Tag(name = "Events", description = "Stripe's Events: what psp-mock sent, or is still sending, as webhooks. Each"
        + " webhook is a POST of one `Event` to every `psp.webhooks.endpoints` URL, signed as Stripe signs them"
        + " (`Stripe-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of \"<t>.<body>\">`, one `v1` per secret during a"
        + " rotation), retried with backoff until the endpoint answers 2xx; psp-mock receives none. The PSP's secret"
        + " key (`sk_…`) only.")
class EventController {

    /** Stripe's: 10 by default, at most 100. */
    private static final int DEFAULT_LIMIT = ApiList.DEFAULT_LIMIT;
    private static final int MAX_LIMIT = ApiList.MAX_LIMIT;
    private static final Set<String> PARAMETERS =
            Set.of("delivery_success", "type", "limit", "starting_after", "expand");

    private final EventRepository events;
    private final ApiJson json;

    EventController(EventRepository events, ApiJson json) {
        this.events = events;
        this.json = json;
    }

    @GetMapping("/v1/events")
    @Operation(operationId = "listEvents", summary = "List events, newest first",
            description = "At most `limit` events, newest first; page on with `starting_after`. `pending_webhooks`"
                    + " is the current count of deliveries not yet acknowledged.")
    @ApiResponse(responseCode = "200", description = "A page of events", content = @Content(
            schema = @Schema(implementation = EventList.class)))
    @ApiResponse(responseCode = "404", description = "`invalid_request_error` `resource_missing`: `starting_after`"
            + " names no such event", content = @Content(schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> list(HttpServletRequest http,
                                @Parameter(description = "`false`: only events with a delivery not yet acknowledged;"
                                        + " `true`: only those delivered everywhere",
                                        schema = @Schema(allowableValues = {"true", "false"}))
                                @RequestParam(name = "delivery_success", required = false) String deliverySuccess,
                                @Parameter(description = "Only this event type", example = "payment_intent.succeeded")
                                @RequestParam(name = "type", required = false) String type,
                                @Parameter(description = StripeForms.LIMIT, schema = @Schema(type = "integer",
                                        minimum = "1", maximum = "100", defaultValue = "10"))
                                @RequestParam(name = "limit", required = false) String limit,
                                @Parameter(description = StripeForms.STARTING_AFTER)
                                @RequestParam(name = "starting_after", required = false) String startingAfter) {
        JsonRequest.ofQuery(http.getQueryString()).allowOnly(PARAMETERS);
        DeliveryFilter filter = deliveryFilter(deliverySuccess);
        requireKnownType(type);
        int pageSize = pageSize(limit);
        if (startingAfter != null && !events.exists(startingAfter)) {
            throw ApiException.notFound("event", startingAfter, "starting_after");
        }
        List<StoredEvent> page = events.list(filter, type, startingAfter, pageSize + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", page.stream().limit(pageSize).map(this::withPendingCount).toList());
        body.put("has_more", page.size() > pageSize);
        body.put("url", "/v1/events");
        return json.render(200, body).toEntity();
    }

    @GetMapping("/v1/events/{id}")
    @Operation(operationId = "retrieveEvent", summary = "Retrieve an event",
            description = "As it was sent, with the current `pending_webhooks`.")
    @ApiResponse(responseCode = "200", description = "The Event", content = @Content(
            schema = @Schema(implementation = EventView.class)))
    ResponseEntity<String> show(@Parameter(description = "The event (`evt_…`)") @PathVariable String id) {
        StoredEvent event = events.find(id).orElseThrow(() -> ApiException.notFound("event", id, "id"));
        return json.render(200, withPendingCount(event)).toEntity();
    }

    private ObjectNode withPendingCount(StoredEvent event) {
        ObjectNode node = (ObjectNode) json.readTree(event.payload());
        node.put("pending_webhooks", event.pendingWebhooks());
        return node;
    }

    private static DeliveryFilter deliveryFilter(String value) {
        if (value == null) {
            return DeliveryFilter.ANY;
        }
        return switch (value) {
            case "true" -> DeliveryFilter.DELIVERED;
            case "false" -> DeliveryFilter.UNDELIVERED;
            default -> throw ApiException.invalidRequest("parameter_invalid",
                    "delivery_success must be true or false.", "delivery_success");
        };
    }

    private static void requireKnownType(String type) {
        if (type != null && Arrays.stream(EventType.values()).noneMatch(t -> t.value().equals(type))) {
            throw ApiException.invalidRequest("parameter_invalid", "Unknown event type: " + type + ".", "type");
        }
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidRequest("parameter_invalid_integer",
                "limit must be an integer from 1 to " + MAX_LIMIT + ".", "limit");
    }

    /** The document's view of an event as {@link EventPublisher} writes it (the API answers the stored JSON). */
    @Schema(name = "Event", description = "Stripe's Event, as its webhook carried it; times are Unix seconds")
    record EventView(@Schema(example = "evt_1NG8Du2eZvKYlo2CUI79vXWy") String id,
                     @Schema(allowableValues = "event") String object,
                     @Schema(example = StripeVersion.VALUE) String apiVersion, long created, EventData data,
                     @Schema(description = "Always false") boolean livemode,
                     @Schema(description = "Deliveries not yet acknowledged (when sent: one per endpoint)")
                     int pendingWebhooks, EventRequest request,
                     String type) {
    }

    @Schema(name = "EventData")
    record EventData(@Schema(description = "The object the event is about, as the API shows it then: a"
                             + " PaymentIntent (`payment_intent.*`), Refund (`refund.*`), Charge (`charge.refunded`) or"
                             + " Dispute (`charge.dispute.*`)") Object object) {
    }

    @Schema(name = "EventRequest", description = "The API request that caused the event; both null for what psp-mock"
            + " did by itself (an async outcome, a dispute's decision)")
    record EventRequest(@Schema(nullable = true, example = "req_1NG8Du2eZvKYlo2C") String id,
                        @Schema(nullable = true) String idempotencyKey) {
    }

    @Schema(name = "EventList", description = "Stripe's list object")
    record EventList(@Schema(allowableValues = "list") String object, List<EventView> data,
                     @Schema(description = StripeForms.HAS_MORE) boolean hasMore,
                     @Schema(example = "/v1/events") String url) {
    }
}
