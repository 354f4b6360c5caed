package dev.kassa.pspmock.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An INSERT that writes part of a change (a balance transaction, an event and its deliveries), handed to whoever
 * writes the rest of the change so that the whole change is ONE statement: on the path of every charge, each
 * statement saved is a round trip, a parse-bind-execute in PostgreSQL and a JDBC call less.
 *
 * @param sql        a plain INSERT (no WITH of its own; as the last part, an UPDATE too: an idempotent request's
 *                   recorded answer) with named parameters that no other part of the change
 *                   uses for another value (each owner prefixes its own)
 * @param parameters its parameter values by name
 */
public record RowInsert(String sql, Map<String, Object> parameters) {

    /**
     * Writes the inserts with one statement: all but the last become data-modifying CTEs of the last.
     *
     * @return the last part's update count
     */
    public static int execute(JdbcClient jdbc, List<RowInsert> inserts) {
        if (inserts.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < inserts.size(); i++) {
            RowInsert insert = inserts.get(i);
            if (i < inserts.size() - 1) {
                sql.append(i == 0 ? "with " : ", ").append("part_").append(i).append(" as (").append(insert.sql())
                        .append(")\n");
            } else {
                sql.append(insert.sql());
            }
            insert.parameters().forEach((name, value) -> {
                if (parameters.containsKey(name) && !Objects.equals(parameters.get(name), value)) {
                    throw new IllegalArgumentException("Parameter :" + name + " has two values in one statement");
                }
                parameters.put(name, value);
            });
        }
        return jdbc.sql(sql.toString()).params(parameters).update();
    }
}
