package dev.kassa.launcher.checks;

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
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Each service's own database, read directly over JDBC: the checks after a test or a benchmark look at what the
 * services committed, not only at what their APIs choose to show. One connection per call: these are a few
 * queries after the fact, never on a hot path.
 */
public final class Databases {

    private final int port;
    private final String username;
    private final String password;

    public Databases(int port, String username, String password) {
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** The databases of a server this JVM started. */
    public static Databases of(PostgresServer postgres) {
        return new Databases(postgres.port(), postgres.username(), postgres.password());
    }

    public int port() {
        return port;
    }

    /**
     * Rows of a query as column-name → value maps; {@code ?} parameters bound in order (a {@code String[]} binds
     * as a {@code text[]}, for {@code = ANY(?)}).
     */
    public List<Map<String, Object>> rows(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database);
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

    /** Runs DDL or other statements without results. */
    public void execute(String database, String sql) {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement on " + database + " failed: " + sql, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }
}
