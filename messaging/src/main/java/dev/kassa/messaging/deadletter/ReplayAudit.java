package dev.kassa.messaging.deadletter;

import dev.kassa.web.security.AuditContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The {@code dead_letter_replay} table: who, when, what, how many, with what result. */
class ReplayAudit {

    private final JdbcTemplate jdbc;

    ReplayAudit(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    long record(ReplayRequest request, ReplayResult result, String outcome, String error) {
        String records = result.records().stream()
                .map(i -> i.partition() + "@" + i.offset() + ":" + i.action()
                        + (i.destination() == null ? "" : "->" + i.destination()))
                .collect(Collectors.joining(","));
        AuditContext who = AuditContext.currentOrSystem("dead-letter-replay");
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO dead_letter_replay (dlt_topic, selection, selected, replayed, parked, result, records, error,
                                                    actor, credential, client_address, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, request.topic());
            insert.setString(2, describe(request));
            insert.setInt(3, result.selected());
            insert.setInt(4, result.replayed());
            insert.setInt(5, result.parked());
            insert.setString(6, outcome);
            insert.setString(7, records);
            insert.setString(8, error);
            insert.setString(9, who.actor());
            insert.setString(10, who.credential());
            insert.setString(11, who.clientAddress());
            insert.setString(12, who.requestId());
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The newest {@code limit} rows, newest first; long texts cut by PostgreSQL already, not sent whole. */
    List<ReplayAuditView> newest(int limit) {
        return jdbc.query("""
                SELECT id, replayed_at, actor, credential, client_address, request_id, dlt_topic,
                       left(selection, ?) AS selection, length(selection) AS selection_length,
                       selected, replayed, parked, result,
                       left(records, ?) AS records, length(records) AS records_length,
                       left(error, ?) AS error, length(error) AS error_length
                FROM dead_letter_replay
                ORDER BY id DESC
                LIMIT ?""", ReplayAudit::view, DeadLetterPayload.MAX_CHARS, DeadLetterPayload.MAX_CHARS,
                DeadLetterPayload.MAX_CHARS, limit);
    }

    private static ReplayAuditView view(ResultSet row, int rowNumber) throws SQLException {
        int selected = row.getInt("selected");
        int replayed = row.getInt("replayed");
        int parked = row.getInt("parked");
        return new ReplayAuditView(row.getLong("id"), row.getTimestamp("replayed_at").toInstant(),
                row.getString("actor"), row.getString("credential"), row.getString("client_address"),
                row.getString("request_id"), row.getString("dlt_topic"), bounded(row, "selection"), selected,
                replayed, parked, selected - replayed - parked, row.getString("result"), bounded(row, "records"),
                bounded(row, "error"));
    }

    private static String bounded(ResultSet row, String column) throws SQLException {
        return DeadLetterPayload.bounded(row.getString(column), row.getLong(column + "_length"));
    }

    private static String describe(ReplayRequest r) {
        return "partition=" + (r.partition() == null ? "all" : r.partition())
                + " from_offset=" + (r.fromOffset() == null ? "start" : r.fromOffset())
                + " to_offset=" + (r.toOffset() == null ? "end" : r.toOffset())
                + " event_ids=" + (r.eventIds() == null ? "any" : r.eventIds());
    }
}
