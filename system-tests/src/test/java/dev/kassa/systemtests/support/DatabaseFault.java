package dev.kassa.systemtests.support;

import dev.kassa.launcher.checks.Databases;
import java.util.regex.Pattern;

/**
 * A fault of the test's own making inside one service's database: a trigger that makes every insert into
 * {@code table} with {@code column = value} fail, as a broken database would, until {@link #close()} removes
 * it. Scoped to one value (one test's seller), so nothing else in the shared system notices.
 */
public final class DatabaseFault implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]+");

    private final Databases databases;
    private final String database;
    private final String table;
    private final String name;

    private DatabaseFault(Databases databases, String database, String table, String name) {
        this.databases = databases;
        this.database = database;
        this.table = table;
        this.name = name;
    }

    public static DatabaseFault refuseInserts(Databases databases, String database, String table, String column,
                                              String value) {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()
                || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("plain identifiers and ids only: " + table + "." + column + " = " + value);
        }
        String name = "system_test_refuse_" + value.toLowerCase().replace('-', '_');
        databases.execute(database, """
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'system test fault: %2$s refuses %3$s = %%', NEW.%3$s;
                END
                $$""".formatted(name, table, column));
        databases.execute(database, "CREATE TRIGGER %1$s BEFORE INSERT ON %2$s FOR EACH ROW WHEN (NEW.%3$s = '%4$s')"
                .formatted(name, table, column, value) + " EXECUTE FUNCTION " + name + "()");
        return new DatabaseFault(databases, database, table, name);
    }

    @Override
    public void close() {
        databases.execute(database, "DROP TRIGGER IF EXISTS " + name + " ON " + table);
        databases.execute(database, "DROP FUNCTION IF EXISTS " + name + "()");
    }
}
