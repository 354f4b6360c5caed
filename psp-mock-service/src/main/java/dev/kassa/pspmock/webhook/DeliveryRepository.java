package dev.kassa.pspmock.webhook;

import java.time.Instant;
import java.util.List;
import dev.kassa.pspmock.api.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable delivery queue: one row per event and endpoint, retried until a 2xx. */
@Repository
class DeliveryRepository {

    record DueDelivery(long id, String eventId, String endpoint, int attempts, String payload, Instant eventCreated) {
    }

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("select exists (select 1 from webhook_delivery "
                        + "where delivered_at is null and next_attempt_at <= :now" + attempts.condition + ")")
                .param("now", DbTime.utc(now))
                .query(Boolean.class).single();
    }

    /**
     * Claims up to {@code limit} deliveries due by {@code horizon} by pushing their due time out to
     * {@code leaseUntil}: no other worker takes them meanwhile, and if this process dies they become due again.
     */
    List<DueDelivery> claimDue(Attempts attempts, Instant horizon, int limit, Instant leaseUntil) {
        return jdbc.sql("""
                        update webhook_delivery d set next_attempt_at = :leaseUntil
                        from webhook_event e
                        where e.id = d.event_id and d.id in (
                            select id from webhook_delivery
                            where delivered_at is null and next_attempt_at <= :horizon %s
                            order by next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning d.id, d.event_id, d.endpoint, d.attempts, e.payload, e.created_at"""
                        .formatted(attempts.condition))
                .param("leaseUntil", DbTime.utc(leaseUntil)).param("horizon", DbTime.utc(horizon)).param("limit", limit)
                .query((rs, n) -> new DueDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("endpoint"),
                        rs.getInt("attempts"), rs.getString("payload"), DbTime.instant(rs, "created_at")))
                .list();
    }

    void markDelivered(long id, Instant at, int statusCode) {
        jdbc.sql("""
                        update webhook_delivery
                        set delivered_at = :at, attempts = attempts + 1, last_attempt_at = :at,
                            last_status_code = :statusCode, last_error = null
                        where id = :id and delivered_at is null""")
                .param("at", DbTime.utc(at)).param("statusCode", statusCode).param("id", id)
                .update();
    }

    void markFailed(long id, Instant at, Integer statusCode, String error, Instant nextAttempt) {
        jdbc.sql("""
                        update webhook_delivery
                        set attempts = attempts + 1, last_attempt_at = :at, last_status_code = :statusCode,
                            last_error = :error, next_attempt_at = :nextAttempt
                        where id = :id and delivered_at is null""")
                .param("at", DbTime.utc(at)).param("statusCode", statusCode)
                .param("error", error).param("nextAttempt", DbTime.utc(nextAttempt)).param("id", id)
                .update();
    }
}
