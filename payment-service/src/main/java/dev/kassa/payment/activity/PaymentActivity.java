package dev.kassa.payment.activity;

import dev.kassa.payment.order.PaymentOrderStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outcomes of payment orders over the last minutes: every change of an order to SUCCEEDED or FAILED that
 * {@code payment_order_history} recorded in [since, until), counted per minute (UTC) in one statement. A change
 * counts, not an order: an order that failed and succeeded on a retry counts once each way. The window is read
 * through the BRIN index on {@code occurred_at} (changeset 007), so it costs the recent part of the table only.
 */
@Service
class PaymentActivity {

    static final String PER_MINUTE = """
            SELECT date_trunc('minute', occurred_at, 'UTC') AS minute,
                   count(*) FILTER (WHERE to_status = :succeeded) AS succeeded,
                   count(*) FILTER (WHERE to_status = :failed) AS failed
              FROM payment_order_history
             WHERE occurred_at >= :since AND occurred_at < :until AND to_status IN (:succeeded, :failed)
             GROUP BY 1
             ORDER BY 1""";

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentActivity(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The {@code minutes} up to now: one entry per minute with any outcome, oldest first, and their totals. */
    PaymentActivityView lastMinutes(int minutes) {
        Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant since = until.minus(Duration.ofMinutes(minutes));
        List<PaymentActivityView.Minute> perMinute = jdbc.sql(PER_MINUTE)
                .param("succeeded", PaymentOrderStatus.SUCCEEDED.name())
                .param("failed", PaymentOrderStatus.FAILED.name())
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query((rs, row) -> new PaymentActivityView.Minute(rs.getTimestamp("minute").toInstant(),
                        rs.getLong("succeeded"), rs.getLong("failed")))
                .list();
        return PaymentActivityView.of(since, until, perMinute);
    }
}
