package dev.kassa.localstack;

import dev.kassa.localstack.process.Supervised;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@link PostgresServer} as a {@code postgres} container whose superuser is the {@value #USERNAME} role. */
final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresServer start(Options options) {
        PostgreSQLContainer container = ContainerImages.postgres(options.maxConnections());
        container.start();
        ContainerPostgresServer server = new ContainerPostgresServer(container);
        server.createStatementStatistics();
        return server;
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public Path dataDir() {
        throw ContainerKafkaBroker.embeddedOnly("dataDir()");
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + port() + "/" + database;
    }

    @Override
    public void createDatabase(String name) {
        PostgresDatabases.create(dataSource("postgres"), name, USERNAME);
    }

    /** The container's {@value #USERNAME} is its superuser: it creates the roles too. */
    @Override
    public void createDatabase(String name, DatabaseRoles roles) {
        PostgresDatabases.createOwned(dataSource("postgres"), this::dataSource, name, roles, USERNAME);
    }

    @Override
    public DataSource dataSource(String database) {
        return PostgresDatabases.dataSource(container.getHost(), port(), database, USERNAME, PASSWORD);
    }

    @Override
    public DataSource dataSource(String database, DatabaseRoles.Login login) {
        return PostgresDatabases.dataSource(container.getHost(), port(), database, login.username(), login.password());
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void stop() {
        throw ContainerKafkaBroker.embeddedOnly("stop()");
    }

    @Override
    public Supervised process() {
        throw ContainerKafkaBroker.embeddedOnly("process()");
    }

    @Override
    public void restart() {
        throw ContainerKafkaBroker.embeddedOnly("restart()");
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerPostgresServer[" + ContainerImages.POSTGRES + ", " + container.getHost() + ":" + port() + "]";
    }

    /** As on the embedded server: the statistics view of every database, read from {@code postgres}. */
    private void createStatementStatistics() {
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create extension pg_stat_statements", e);
        }
    }
}
