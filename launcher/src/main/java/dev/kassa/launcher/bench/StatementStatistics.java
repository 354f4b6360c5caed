package dev.kassa.launcher.bench;

import dev.kassa.launcher.checks.Databases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of {@code pg_stat_statements} (which local-stack's PostgreSQL preloads, with the extension in the
 * {@code postgres} database, whose view covers every database). Two snapshots give what the run itself executed,
 * without resetting statistics anyone else may be reading.
 */
final class StatementStatistics {

    /** One statement's work between two snapshots. */
    record Statement(String database, long calls, double totalMillis, long rows, String query) {
    }

    private record Key(long dbid, long userid, long queryid, boolean toplevel) {
    }

    private record Counters(String database, long calls, double totalMillis, long rows, String query) {
    }

    private final Map<Key, Counters> counters;

    private StatementStatistics(Map<Key, Counters> counters) {
        this.counters = counters;
    }

    /** The current counters; fails (with PostgreSQL's reason) when the extension is not there. */
    static StatementStatistics snapshot(Databases db) {
        Map<Key, Counters> counters = new HashMap<>();
        for (var row : db.rows("postgres", """
                SELECT d.datname, s.dbid, s.userid, s.queryid, s.toplevel, s.calls, s.total_exec_time, s.rows, s.query
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE s.queryid IS NOT NULL""")) {
            counters.put(new Key(number(row.get("dbid")), number(row.get("userid")), number(row.get("queryid")),
                            (Boolean) row.get("toplevel")),
                    new Counters((String) row.get("datname"), number(row.get("calls")),
                            ((Number) row.get("total_exec_time")).doubleValue(), number(row.get("rows")),
                            (String) row.get("query")));
        }
        return new StatementStatistics(counters);
    }

    /** The {@code top} statements of each database by execution time since {@code earlier}. */
    Map<String, List<Statement>> topSince(StatementStatistics earlier, int top) {
        Map<String, List<Statement>> byDatabase = new HashMap<>();
        counters.forEach((key, now) -> {
            Counters before = earlier.counters.get(key);
            long calls = now.calls() - (before == null ? 0 : before.calls());
            if (calls > 0) {
                byDatabase.computeIfAbsent(now.database(), d -> new ArrayList<>()).add(new Statement(now.database(), calls,
                        now.totalMillis() - (before == null ? 0 : before.totalMillis()),
                        now.rows() - (before == null ? 0 : before.rows()), now.query().replaceAll("\\s+", " ").strip()));
            }
        });
        byDatabase.replaceAll((database, statements) -> statements.stream()
                .sorted(Comparator.comparingDouble(Statement::totalMillis).reversed()).limit(top).toList());
        return byDatabase;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
