package dev.kassa.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** Connections and database creation, the same for the embedded server and the container. */
final class PostgresDatabases {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String DUPLICATE_ROLE = "42710";
    private static final String UNIQUE_VIOLATION = "23505";

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

    /**
     * Creates (or updates) a service database's roles and the database, owned by the owner role (see
     * {@link DatabaseRoles}). Idempotent: roles that exist get the given passwords (a restart's new ones), and a
     * database that an older Kassa made for {@code admin} is handed over to its owner role with all it contains.
     *
     * @param superuser   a superuser's connection to the {@code postgres} database (creates roles and databases)
     * @param superuserIn the superuser's connection to a named database
     * @param admin       local-stack's administration role: made a member of the owner role, so that it can still
     *                    read and administer the database (launcher checks, the benchmark's statistics)
     */
    static synchronized void createOwned(DataSource superuser, Function<String, DataSource> superuserIn, String name,
                            DatabaseRoles roles, String admin) {
        requireValidName(name);
        String owner = roles.owner().username();
        String runtime = roles.runtime().username();
        try (Connection connection = superuser.getConnection(); Statement sql = connection.createStatement()) {
            ensureLogin(connection, roles.owner());
            ensureLogin(connection, roles.runtime());
            sql.execute("GRANT " + owner + " TO " + admin);
            String currentOwner = ownerOf(connection, name);
            if (currentOwner == null) {
                try {
                    sql.execute("CREATE DATABASE " + name + " OWNER " + owner);
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // created concurrently: fine
                        throw e;
                    }
                }
            } else if (!currentOwner.equals(owner)) {
                handOver(sql, superuserIn.apply(name), name, currentOwner, owner);
            }
            // Only the two roles (and superusers) may connect: no other service's runtime role.
            sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            sql.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + runtime);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " for " + roles, e);
        }
    }

    /** A database of an older Kassa, where one role owned everything: the owner role takes the database and its objects. */
    private static void handOver(Statement sql, DataSource database, String name, String from, String to)
            throws SQLException {
        sql.execute("ALTER DATABASE " + name + " OWNER TO " + to);
        try (Connection connection = database.getConnection(); Statement inDatabase = connection.createStatement()) {
            // Also hands over any other database 'from' still owns: the caller's next database takes its own back.
            inDatabase.execute("REASSIGN OWNED BY " + from + " TO " + to);
        }
    }

    /** CREATE ROLE if absent, else ALTER ROLE: either way it logs in with this password, and owns no privilege beyond it. */
    private static void ensureLogin(Connection connection, DatabaseRoles.Login login) throws SQLException {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, login.username());
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement sql = connection.createStatement()) {
            String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + login.password() + "'";
            try {
                sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + login.username() + options);
            } catch (SQLException e) {
                if (!DUPLICATE_ROLE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                sql.execute("ALTER ROLE " + login.username() + options); // created concurrently
            }
        }
    }

    private static String ownerOf(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
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
