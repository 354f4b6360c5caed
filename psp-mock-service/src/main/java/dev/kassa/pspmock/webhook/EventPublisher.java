package dev.kassa.pspmock.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.CurrentRequest;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.api.StripeVersion;
import dev.kassa.pspmock.fault.Faults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event and one pending delivery per endpoint in the caller's transaction: the status change and
 * its webhook commit together (an outbox), and the delivery worker sends it from the table. The event and its
 * deliveries are one statement, or part of the caller's ({@link #rows}): hence JdbcClient (one delivery per endpoint
 * by unnest).
 */
@Component
public class EventPublisher {


    private final JdbcClient jdbc;
    private final ApiJson json;
    private final Faults faults;
    /** The endpoint URLs, one per line: a plain text parameter that SQL splits back into rows. */
    private final String endpoints;
    private final boolean anyEndpoint;
    private final int endpointCount;
    private final Clock clock;
    private final WebhookDeliveryWorker worker;

    EventPublisher(JdbcClient jdbc, ApiJson json, Faults faults, WebhookProperties properties, Clock clock,
                   WebhookDeliveryWorker worker) {
        this.jdbc = jdbc;
        this.json = json;
        this.faults = faults;
        this.endpoints = String.join("\n", properties.endpoints());
        this.anyEndpoint = !properties.endpoints().isEmpty();
        this.endpointCount = properties.endpoints().size();
        this.clock = clock;
        this.worker = worker;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(EventType type, String objectId, Object object) {
        RowInsert.execute(jdbc, rows(type, objectId, object));
    }

    /**
     * The event and its deliveries as rows for the caller's statement to write (the caller's transaction is where
     * they commit, as with {@link #publish}); the dispatcher is told to deliver them once it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RowInsert> rows(EventType type, String objectId, Object object) {
        String id = Ids.newId("evt");
        Instant now = clock.instant();
        CurrentRequest.Info request = CurrentRequest.get();
        Map<String, Object> requestInfo = new LinkedHashMap<>();
        requestInfo.put("id", request.id());
        requestInfo.put("idempotency_key", request.idempotencyKey());
        // Stripe's event object, fields in its order; pending_webhooks as sent (listing shows the current count).
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", StripeVersion.VALUE);
        event.put("created", now.getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", endpointCount);
        event.put("request", requestInfo);
        event.put("type", type.value());
        Instant firstAttempt = now.plus(faults.webhookDelay());
        Map<String, Object> eventParameters = new HashMap<>();
        eventParameters.put("ev_id", id);
        eventParameters.put("ev_type", type.value());
        eventParameters.put("ev_object_id", objectId);
        eventParameters.put("ev_payload", json.write(event));
        eventParameters.put("ev_now", DbTime.utc(now));
        if (anyEndpoint) {
            worker.dueAfterCommit(firstAttempt);
        }
        return List.of(
                new RowInsert("""
                        insert into webhook_event (id, type, object_id, payload, created_at)
                        values (:ev_id, :ev_type, :ev_object_id, :ev_payload, :ev_now)""", eventParameters),
                new RowInsert("""
                        insert into webhook_delivery (event_id, endpoint, next_attempt_at)
                        select :ev_id, endpoint, :ev_first_attempt
                        from unnest(string_to_array(:ev_endpoints, E'\\n')) as endpoint""",
                        Map.of("ev_id", id, "ev_first_attempt", DbTime.utc(firstAttempt), "ev_endpoints", endpoints)));
    }
}
