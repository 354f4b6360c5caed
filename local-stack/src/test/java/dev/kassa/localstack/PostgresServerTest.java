package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

@WithLocalStack
class PostgresServerTest {

    @Test
    void createsADatabaseOwnedByTheKassaRoleAndRunsSql(PostgresServer postgres) throws SQLException {
        postgres.createDatabase("pg_test_orders");
        postgres.createDatabase("pg_test_orders"); // idempotent

        try (Connection connection = DriverManager.getConnection(
                postgres.jdbcUrl("pg_test_orders"), postgres.username(), postgres.password());
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, amount_minor BIGINT NOT NULL)");
            sql.execute("INSERT INTO orders VALUES (1, 12500), (2, 99)");
            assertThat(single(sql, "SELECT sum(amount_minor) FROM orders")).isEqualTo("12599");
            assertThat(single(sql, "SELECT current_user")).isEqualTo("kassa");
            assertThat(single(sql, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("kassa");
        }
    }

    @Test
    void dataSourceConnectsAsKassa(PostgresServer postgres) throws SQLException {
        postgres.createDatabase("pg_test_datasource");
        DataSource dataSource = postgres.dataSource("pg_test_datasource");

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT current_database() || ' ' || current_user"))
                    .isEqualTo("pg_test_datasource kassa");
        }
    }

    @Test
    void freshDatabasesAreDistinctAndIsolated(LocalStack stack) throws SQLException {
        String first = stack.freshDatabase("fresh");
        String second = stack.freshDatabase("fresh");

        assertThat(first).matches("fresh_\\d+").isNotEqualTo(second);
        try (Connection connection = stack.postgres().dataSource(first).getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE only_in_first (id INT)");
        }
        try (Connection connection = stack.postgres().dataSource(second).getConnection();
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")).isEqualTo("0");
        }
    }

    @Test
    void freshDatabaseSanitizesThePrefix(LocalStack stack) {
        assertThat(stack.freshDatabase("Payment-Service IT")).matches("payment_service_it_\\d+");
    }

    @Test
    void rejectsNamesThatWouldNeedQuoting(PostgresServer postgres) {
        assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.createDatabase("Upper"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTestInstanceIsTunedForSpeedAndManyConnections(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.dataSource("postgres").getConnection();
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SHOW max_connections")).isEqualTo("300");
            assertThat(single(sql, "SHOW fsync")).isEqualTo("off");
            assertThat(single(sql, "SELECT current_setting('server_version_num')::int / 10000")).isEqualTo("18");
        }
    }

    @Test
    void recordsStatementStatisticsOfEveryDatabase(PostgresServer postgres) throws SQLException {
        postgres.createDatabase("pg_test_statements");
        try (Connection connection = postgres.dataSource("pg_test_statements").getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("SELECT 4217 AS statement_statistics_probe");
        }
        try (Connection connection = postgres.dataSource("postgres").getConnection();
             Statement sql = connection.createStatement()) {
            // The view refuses to answer unless the library was preloaded at server start.
            assertThat(single(sql, """
                    SELECT count(*) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = 'pg_test_statements' AND s.query LIKE '%statement_statistics_probe%'"""))
                    .isEqualTo("1");
        }
    }

    @Test
    void theLocalLoginSeesTheStatementsOfAServiceRole(PostgresServer postgres) throws SQLException {
        DatabaseRoles roles = DatabaseRoles.withRandomPasswords("stats_probe");
        postgres.createDatabase("stats_probe", roles);
        try (Connection connection = postgres.dataSource("stats_probe", roles.runtime()).getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("SELECT 4218 AS service_role_statement_probe");
        }
        try (Connection connection = postgres.dataSource("postgres").getConnection();
             Statement sql = connection.createStatement()) {
            // Without pg_read_all_stats another role's statement is listed with neither text nor query id.
            assertThat(single(sql, """
                    SELECT count(*) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = 'stats_probe' AND s.queryid IS NOT NULL
                      AND s.query LIKE '%service_role_statement_probe%'"""))
                    .isEqualTo("1");
        }
    }

    static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as("a row from %s", query).isTrue();
            return rows.getString(1);
        }
    }
}
