package dev.kassa.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** Connections and database creation, the same for the embedded server and the container. */
final class PostgresDatabases {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabases() {
    }

    /** Creates the database owned by {@code owner} unless it exists; {@code admin} may create databases. */
    static void create(DataSource admin, String name, String owner) {
        requireValidName(name);
        try (Connection connection = admin.getConnection()) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + owner);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // created concurrently: fine
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    /** A non-pooling data source; {@code password} may be null where the server trusts local connections. */
    static DataSource dataSource(String host, int port, String database, String user, String password) {
        requireValidName(database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Database names go into SQL unquoted, so only plain lower-case identifiers are accepted. */
    static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database name must match " + DATABASE_NAME.pattern() + ": " + name);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
