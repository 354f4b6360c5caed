package dev.kassa.reconciliation.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The instants one run compares against, fixed when the run starts so every query of the run agrees.
 *
 * @param graceCutoff   successes at or after this instant are too recent to miss a wallet movement or ledger entry
 * @param balanceCutoff balances are compared as of this instant: the end of the day, or the grace cutoff if earlier
 */
record ReconciliationWindow(UUID runId, LocalDate date, Instant dayStart, Instant dayEnd, Instant graceCutoff,
                            Instant balanceCutoff, Duration gracePeriod) {

    static ReconciliationWindow of(UUID runId, LocalDate date, Instant now, Duration gracePeriod) {
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant graceCutoff = now.minus(gracePeriod);
        Instant balanceCutoff = graceCutoff.isBefore(dayEnd) ? graceCutoff : dayEnd;
        return new ReconciliationWindow(runId, date, dayStart, dayEnd, graceCutoff, balanceCutoff, gracePeriod);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("run", runId)
                .addValue("date", date)
                .addValue("dateText", date.toString())
                .addValue("previousDate", date.minusDays(1))
                .addValue("dayStart", utc(dayStart))
                .addValue("dayEnd", utc(dayEnd))
                .addValue("graceCutoff", utc(graceCutoff))
                .addValue("balanceCutoff", utc(balanceCutoff))
                .addValue("balanceCutoffText", balanceCutoff.toString())
                .addValue("grace", gracePeriod.toString());
    }

    /** timestamptz parameters as OffsetDateTime: independent of the JVM's default time zone. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
