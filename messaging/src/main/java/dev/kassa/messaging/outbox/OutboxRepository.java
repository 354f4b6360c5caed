package dev.kassa.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The relay's SQL on {@code outbox_message}: on the relay's session ({@link RelaySession}), the metrics' through the
 * service's pool.
 */
class OutboxRepository {

    /** Backlog figures for the metrics. {@code oldestAge} is zero when nothing waits. */
    record Backlog(long unsent, Duration oldestAge) {
    }

    private final JdbcTemplate jdbc;

    OutboxRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Takes the oldest unsent rows, in {@code seq} order: marks them sent (or, with {@code delete}, deletes them) in
     * the caller's transaction, which keeps them locked until it ends. One statement, not a select and then an
     * update by the selected seqs: a round trip less per batch, and PostgreSQL plans it once per connection, where
     * it planned the update by an array again for every batch. Nobody sees the mark before the caller commits,
     * which it does only once every row is acknowledged; a rollback leaves the rows unsent. SKIP LOCKED keeps a
     * second publisher (should the advisory lock ever be lost) from taking the same rows.
     */
    List<OutboxMessage> takeNextBatch(int size, boolean delete) {
        String take = delete ? "DELETE FROM outbox_message" : "UPDATE outbox_message SET sent_at = now()";
        List<OutboxMessage> batch = new ArrayList<>(jdbc.query(take + """
                 WHERE seq IN (SELECT seq FROM outbox_message WHERE sent_at IS NULL
                               ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING seq, id, topic, message_key, payload, event_type, headers""",
                (rs, n) -> new OutboxMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getString(6), HeaderText.parse(rs.getString(7))),
                size));
        // RETURNING has no order of its own.
        batch.sort(Comparator.comparingLong(OutboxMessage::seq));
        return batch;
    }

    /** Whether any row waits; reads only the partial index of unsent rows. */
    boolean hasUnsent() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM outbox_message WHERE sent_at IS NULL)", Boolean.class));
    }

    /** Deletes at most {@code limit} rows sent longer ago than {@code retention}; one short statement. */
    int deleteSent(Duration retention, int limit) {
        return jdbc.update("""
                DELETE FROM outbox_message WHERE seq IN (
                    SELECT seq FROM outbox_message
                    WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(secs => ?)
                    ORDER BY sent_at LIMIT ?)""",
                retention.toMillis() / 1000.0, limit);
    }

    Backlog backlog() {
        return jdbc.queryForObject("""
                SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                FROM outbox_message WHERE sent_at IS NULL""",
                (rs, n) -> new Backlog(rs.getLong(1), Duration.ofMillis(Math.round(rs.getDouble(2) * 1000))));
    }
}
