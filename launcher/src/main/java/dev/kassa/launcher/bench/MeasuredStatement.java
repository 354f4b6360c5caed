package dev.kassa.launcher.bench;

/**
 * One statement's work in a bench's measured phase (its stages and the drain, not the warm-up), from
 * {@code pg_stat_statements}.
 *
 * @param query the statement's normalized text, its whitespace collapsed
 */
public record MeasuredStatement(String database, long calls, double totalMillis, long rows, String query) {
}
