package dev.kassa.messaging.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's SQL on {@code outbox_message}, over the service's pooled DataSource. */
class OutboxRepository {

    /** Backlog figures for the metrics. {@code oldestAge} is zero when nothing waits. */
    record Backlog(long unsent, Duration oldestAge) {
    }

    private final JdbcTemplate jdbc;

    OutboxRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The oldest unsent rows, locked until the caller's transaction ends. SKIP LOCKED keeps a second
     * publisher (should the advisory lock ever be lost) from sending the same rows at the same time.
     */
    List<OutboxMessage> lockNextBatch(int size) {
        return jdbc.query("""
                SELECT seq, id, topic, message_key, payload, event_type, headers FROM outbox_message
                WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new OutboxMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getString(6), HeaderText.parse(rs.getString(7))),
                size);
    }

    /** Whether any row waits; reads only the partial index of unsent rows. */
    boolean hasUnsent() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM outbox_message WHERE sent_at IS NULL)", Boolean.class));
    }

    void markSent(List<OutboxMessage> batch) {
        updateBySeq("UPDATE outbox_message SET sent_at = now() WHERE seq = ANY (?)", batch);
    }

    /** Sent rows kept for nobody: one delete instead of an update now and a delete later. */
    void delete(List<OutboxMessage> batch) {
        updateBySeq("DELETE FROM outbox_message WHERE seq = ANY (?)", batch);
    }

    private void updateBySeq(String sql, List<OutboxMessage> batch) {
        Long[] seqs = batch.stream().map(OutboxMessage::seq).toArray(Long[]::new);
        jdbc.execute((Connection connection) -> {
            Array array = connection.createArrayOf("bigint", seqs);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, array);
                return statement.executeUpdate();
            } finally {
                array.free();
            }
        });
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
