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
import dev.kassa.pspmock.webhook.EventRepository.DeliveryFilter;
import dev.kassa.pspmock.webhook.EventRepository.StoredEvent;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/events[?delivery_success=false][&type=][&limit=][&starting_after=]} and {@code GET /v1/events/{id}}. */
@RestController
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
    ResponseEntity<String> list(HttpServletRequest http,@RequestParam(name = "delivery_success", required = false) String deliverySuccess,
                                @RequestParam(name = "type", required = false) String type,
                                @RequestParam(name = "limit", required = false) String limit,
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
    ResponseEntity<String> show(@PathVariable String id) {
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
}
