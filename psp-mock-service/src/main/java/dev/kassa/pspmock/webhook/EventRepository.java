package dev.kassa.pspmock.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JdbcClient: the outbox's read side, a list with a dynamic filter and keyset paging, with pending counts per event. */
@Repository
class EventRepository {

    /** An event as sent, and how many of its deliveries have not succeeded yet. */
    record StoredEvent(String id, String payload, int pendingWebhooks) {
    }

    enum DeliveryFilter {
        ANY(""),
        DELIVERED("and not exists (select 1 from webhook_delivery d where d.event_id = e.id and d.delivered_at is null)"),
        UNDELIVERED("and e.id in (select d.event_id from webhook_delivery d where d.delivered_at is null)");

        private final String condition;

        DeliveryFilter(String condition) {
            this.condition = condition;
        }
    }

    private static final String PENDING =
            "(select count(*) from webhook_delivery d where d.event_id = e.id and d.delivered_at is null)";

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code startingAfter} pages on from an event id of the previous page. */
    List<StoredEvent> list(DeliveryFilter filter, String type, String startingAfter, int limit) {
        return jdbc.sql("select e.id, e.payload, " + PENDING + " as pending from webhook_event e "
                        + "where (cast(:type as text) is null or e.type = :type) "
                        + "and (cast(:after as text) is null or (e.created_at, e.id) < "
                        + "     (select a.created_at, a.id from webhook_event a where a.id = :after)) "
                        + filter.condition
                        + " order by e.created_at desc, e.id desc limit :limit")
                .param("type", type).param("after", startingAfter).param("limit", limit)
                .query((rs, n) -> new StoredEvent(rs.getString("id"), rs.getString("payload"), rs.getInt("pending")))
                .list();
    }

    Optional<StoredEvent> find(String id) {
        return jdbc.sql("select e.id, e.payload, " + PENDING + " as pending from webhook_event e where e.id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredEvent(rs.getString("id"), rs.getString("payload"), rs.getInt("pending")))
                .optional();
    }

    boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from webhook_event where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }
}
