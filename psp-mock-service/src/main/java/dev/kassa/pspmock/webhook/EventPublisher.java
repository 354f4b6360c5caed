package dev.kassa.pspmock.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.fault.Faults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event and one pending delivery per endpoint in the caller's transaction: the status change and
 * its webhook commit together (an outbox), and the delivery worker sends it from the table.
 */
@Component
public class EventPublisher {

    private final JdbcClient jdbc;
    private final ApiJson json;
    private final Faults faults;
    /** The endpoint URLs, one per line: a plain text parameter that SQL splits back into rows. */
    private final String endpoints;
    private final Clock clock;

    EventPublisher(JdbcClient jdbc, ApiJson json, Faults faults, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.faults = faults;
        this.endpoints = String.join("\n", properties.endpoints());
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(EventType type, String objectId, Object object) {
        String id = Ids.newId("evt");
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("type", type.value());
        event.put("created", now.getEpochSecond());
        event.put("data", Map.of("object", object));
        // One statement for the event and its deliveries: this runs on the hot path of every charge.
        jdbc.sql("""
                        with event as (
                            insert into webhook_event (id, type, object_id, payload, created_at)
                            values (:id, :type, :objectId, :payload, :now))
                        insert into webhook_delivery (event_id, endpoint, next_attempt_at)
                        select :id, endpoint, :firstAttempt from unnest(string_to_array(:endpoints, E'\\n')) as endpoint""")
                .param("id", id).param("type", type.value()).param("objectId", objectId)
                .param("payload", json.write(event)).param("now", DbTime.utc(now))
                .param("firstAttempt", DbTime.utc(now.plus(faults.webhookDelay())))
                .param("endpoints", endpoints)
                .update();
        return id;
    }
}
