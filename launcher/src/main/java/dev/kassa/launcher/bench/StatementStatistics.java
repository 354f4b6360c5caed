package dev.kassa.launcher.bench;

import dev.kassa.launcher.checks.Databases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A snapshot of {@code pg_stat_statements} (which local-stack's PostgreSQL preloads, with the extension in the
 * {@code postgres} database, whose view covers every database) and of each database's transaction count. Two
 * snapshots give what the run itself executed, without resetting statistics anyone else may be reading.
 */
final class StatementStatistics {

    /**
     * What the services asked of one database between two snapshots: the statements they sent (transaction control
     * aside; a round trip each, but for JDBC batches), their transactions, and the statements' planning, which
     * {@code pg_stat_statements} counts only with {@code track_planning} on.
     */
    record DatabaseWork(String database, long statements, long transactions, long plans, double planMillis) {

        DatabaseWork plus(DatabaseWork other) {
            return new DatabaseWork(database, statements + other.statements, transactions + other.transactions,
                    plans + other.plans, planMillis + other.planMillis);
        }
    }

    record Key(long dbid, long userid, long queryid, boolean toplevel) {
    }

    /** @param own a statement of the session reading the statistics (the bench's), not of a service */
    record Counters(String database, long calls, double totalMillis, long rows, long plans, double planMillis,
                    boolean own, String query) {

        /** What was counted since {@code before} (null: the statement was not seen then). */
        Counters since(Counters before) {
            return before == null ? this : new Counters(database, calls - before.calls, totalMillis - before.totalMillis,
                    rows - before.rows, plans - before.plans, planMillis - before.planMillis, own, query);
        }
    }

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile("(?i)\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\\b.*");

    private final Map<Key, Counters> counters;
    private final Map<String, Long> transactions;

    StatementStatistics(Map<Key, Counters> counters, Map<String, Long> transactions) {
        this.counters = counters;
        this.transactions = transactions;
    }

    /** The current counters; fails (with PostgreSQL's reason) when the extension is not there. */
    static StatementStatistics snapshot(Databases db) {
        Map<Key, Counters> counters = new HashMap<>();
        for (var row : db.rows("postgres", """
                SELECT d.datname, s.dbid, s.userid, s.queryid, s.toplevel, s.calls, s.total_exec_time, s.rows,
                       s.plans, s.total_plan_time, s.userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) AS own,
                       s.query
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE s.queryid IS NOT NULL""")) {
            counters.put(new Key(number(row.get("dbid")), number(row.get("userid")), number(row.get("queryid")),
                            (Boolean) row.get("toplevel")),
                    new Counters((String) row.get("datname"), number(row.get("calls")),
                            ((Number) row.get("total_exec_time")).doubleValue(), number(row.get("rows")),
                            number(row.get("plans")), ((Number) row.get("total_plan_time")).doubleValue(),
                            (Boolean) row.get("own"), (String) row.get("query")));
        }
        Map<String, Long> transactions = new HashMap<>();
        for (var row : db.rows("postgres", "SELECT datname, xact_commit + xact_rollback AS n FROM pg_stat_database"
                + " WHERE datname IS NOT NULL")) {
            transactions.put((String) row.get("datname"), number(row.get("n")));
        }
        return new StatementStatistics(counters, transactions);
    }

    /**
     * Each database's work since {@code earlier}, the services' only: statements of the session reading the statistics
     * are left out (the bench's transactions are not told apart, a handful per run), and so are statements run by
     * other statements (a trigger's), which cost no round trip.
     */
    Map<String, DatabaseWork> workSince(StatementStatistics earlier) {
        Map<String, DatabaseWork> byDatabase = new HashMap<>();
        transactions.forEach((database, now) -> byDatabase.put(database,
                new DatabaseWork(database, 0, now - earlier.transactions.getOrDefault(database, now), 0, 0)));
        counters.forEach((key, now) -> {
            if (key.toplevel() && !now.own()) {
                Counters run = now.since(earlier.counters.get(key));
                long statements = TRANSACTION_CONTROL.matcher(now.query()).matches() ? 0 : run.calls();
                byDatabase.merge(now.database(), new DatabaseWork(now.database(), statements, 0, run.plans(),
                        run.planMillis()), DatabaseWork::plus);
            }
        });
        return byDatabase;
    }

    /** The {@code top} statements of each database by execution time since {@code earlier}, the bench's own left out. */
    Map<String, List<MeasuredStatement>> topSince(StatementStatistics earlier, int top) {
        Map<String, List<MeasuredStatement>> byDatabase = new HashMap<>();
        counters.forEach((key, now) -> {
            Counters run = now.since(earlier.counters.get(key));
            if (run.calls() > 0 && !now.own()) {
                byDatabase.computeIfAbsent(now.database(), d -> new ArrayList<>()).add(new MeasuredStatement(now.database(),
                        run.calls(), run.totalMillis(), run.rows(), now.query().replaceAll("\\s+", " ").strip()));
            }
        });
        byDatabase.replaceAll((database, statements) -> statements.stream()
                .sorted(Comparator.comparingDouble(MeasuredStatement::totalMillis).reversed()).limit(top).toList());
        return byDatabase;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
