package dev.kassa.systemtests.support;

import dev.kassa.localstack.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's own database, read directly over JDBC: the checks after every test look at what the services
 * committed, not only at what their APIs choose to show.
 */
public final class Databases {

    private final PostgresServer postgres;

    Databases(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Rows of a query as column-name → value maps; {@code ?} parameters bound in order. */
    public List<Map<String, Object>> rows(String database, String sql, Object... parameters) {
        try (Connection connection = postgres.dataSource(database).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + database + " failed: " + sql, e);
        }
    }

    /** The single number a {@code SELECT count(*) ...} answers. */
    public long count(String database, String sql, Object... parameters) {
        return ((Number) rows(database, sql, parameters).getFirst().values().iterator().next()).longValue();
    }

    /** Runs DDL or other statements without results (the test's own fault injection). */
    public void execute(String database, String sql) {
        try (Connection connection = postgres.dataSource(database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement on " + database + " failed: " + sql, e);
        }
    }
}
