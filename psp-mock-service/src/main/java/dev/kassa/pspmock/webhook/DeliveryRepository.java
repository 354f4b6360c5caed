package dev.kassa.pspmock.webhook;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import dev.kassa.pspmock.api.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable delivery queue, as the dispatcher sees it: one row per event and endpoint, retried until a 2xx.
 * JdbcClient: set-based, a claim leases a batch (SKIP LOCKED) and outcomes are recorded with unnest.
 */
@Repository
class DeliveryRepository {

    record DueDelivery(long id, String eventId, String endpoint, int attempts, String payload, Instant eventCreated) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    /** Only the dispatcher uses this repository, over its own connections. */
    DeliveryRepository(DispatcherConnections connections) {
        this.jdbc = JdbcClient.create(connections.jdbc());
        this.batch = connections.jdbc();
    }

    /** Which deliveries a claim considers: first attempts can be held back and reordered, retries are not. */
    enum Attempts {
        ANY(""),
        FIRST(" and attempts = 0"),
        RETRIES(" and attempts > 0");

        private final String condition;

        Attempts(String condition) {
            this.condition = condition;
        }
    }

    boolean anyDue(Attempts attempts, Instant now) {
        return jdbc.sql("select exists (select 1 from webhook_delivery where delivered_at is null "
                        + "and next_attempt_at <= :now and (leased_until is null or leased_until < :now)"
                        + attempts.condition + ")")
                .param("now", DbTime.utc(now))
                .query(Boolean.class).single();
    }

    /**
     * Claims up to {@code limit} deliveries due by {@code horizon} by leasing them until {@code leaseUntil}: no
     * other worker takes them meanwhile, and if this process dies they become due again when the lease ends.
     */
    List<DueDelivery> claimDue(Attempts attempts, Instant now, Instant horizon, int limit, Instant leaseUntil) {
        return jdbc.sql("""
                        update webhook_delivery d set leased_until = :leaseUntil
                        from webhook_event e
                        where e.id = d.event_id and d.id in (
                            select id from webhook_delivery
                            where delivered_at is null and next_attempt_at <= :horizon
                              and (leased_until is null or leased_until < :now) %s
                            order by next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning d.id, d.event_id, d.endpoint, d.attempts, e.payload, e.created_at"""
                        .formatted(attempts.condition))
                .param("leaseUntil", DbTime.utc(leaseUntil)).param("horizon", DbTime.utc(horizon))
                .param("now", DbTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new DueDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("endpoint"),
                        rs.getInt("attempts"), rs.getString("payload"), DbTime.instant(rs, "created_at")))
                .list();
    }

    /** The outcome of one attempt; {@code nextAttempt} is null when the endpoint acknowledged it. */
    record Outcome(long id, Instant at, Integer statusCode, String error, Instant nextAttempt) {
        boolean delivered() {
            return nextAttempt == null;
        }
    }

    /** Records finished attempts with one statement per kind (delivered, failed), whatever their number. */
    void record(List<Outcome> outcomes) {
        List<Outcome> delivered = outcomes.stream().filter(Outcome::delivered).toList();
        List<Outcome> failed = outcomes.stream().filter(o -> !o.delivered()).toList();
        if (!delivered.isEmpty()) {
            batch.update(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        update webhook_delivery d
                        set delivered_at = o.at, last_attempt_at = o.at, attempts = d.attempts + 1,
                            last_status_code = o.status, last_error = null, leased_until = null
                        from unnest(?::bigint[], ?::timestamptz[], ?::int[]) as o(id, at, status)
                        where d.id = o.id and d.delivered_at is null""");
                statement.setArray(1, connection.createArrayOf("bigint", delivered.stream().map(Outcome::id).toArray()));
                statement.setArray(2, connection.createArrayOf("timestamptz", delivered.stream().map(o -> DbTime.utc(o.at())).toArray()));
                statement.setArray(3, connection.createArrayOf("int", delivered.stream().map(Outcome::statusCode).toArray()));
                return statement;
            });
        }
        if (!failed.isEmpty()) {
            batch.update(connection -> {
                PreparedStatement statement = connection.prepareStatement("""
                        update webhook_delivery d
                        set last_attempt_at = o.at, attempts = d.attempts + 1, last_status_code = o.status,
                            last_error = o.error, next_attempt_at = o.next, leased_until = null
                        from unnest(?::bigint[], ?::timestamptz[], ?::int[], ?::text[], ?::timestamptz[])
                            as o(id, at, status, error, next)
                        where d.id = o.id and d.delivered_at is null""");
                statement.setArray(1, connection.createArrayOf("bigint", failed.stream().map(Outcome::id).toArray()));
                statement.setArray(2, connection.createArrayOf("timestamptz", failed.stream().map(o -> DbTime.utc(o.at())).toArray()));
                statement.setArray(3, connection.createArrayOf("int", failed.stream().map(Outcome::statusCode).toArray()));
                statement.setArray(4, connection.createArrayOf("text", failed.stream().map(Outcome::error).toArray()));
                statement.setArray(5, connection.createArrayOf("timestamptz", failed.stream().map(o -> DbTime.utc(o.nextAttempt())).toArray()));
                return statement;
            });
        }
    }
}
