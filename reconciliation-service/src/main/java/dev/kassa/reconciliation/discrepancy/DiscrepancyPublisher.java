package dev.kassa.reconciliation.discrepancy;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes a run's NEW findings as {@code DiscrepancyFound} through the outbox (key: the report date), in
 * the run's transaction. A finding an earlier run of the day already published is not published again,
 * so rerunning a day is idempotent for the consumers of {@code reconciliation.discrepancies}.
 *
 * <p>Set-based, not an aggregate repository: the matcher's SQL writes a day's findings in bulk, and this
 * reads the run's new ones through one cursor (a day may have 100,000).
 */
@Component
public class DiscrepancyPublisher {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    DiscrepancyPublisher(JdbcClient jdbc, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return how many findings were published */
    public long publishNew(LocalDate date, UUID runId) {
        AtomicLong published = new AtomicLong();
        // A cursor, not a list: a day with 100,000 findings must not need them all in memory at once.
        try (Stream<Discrepancy> fresh = jdbc.sql("SELECT " + Discrepancy.COLUMNS + " FROM discrepancy"
                        + " WHERE report_date = :date AND run_id = :run AND first_run_id = :run"
                        + " ORDER BY " + Discrepancy.ORDER)
                .withFetchSize(500)
                .param("date", date)
                .param("run", runId)
                .query(Discrepancy::fromRow).stream()) {
            fresh.forEach(d -> {
                outbox.publish(Topics.RECONCILIATION_DISCREPANCIES, date.toString(), event(d));
                meters.counter("kassa.reconciliation.discrepancies", "type", d.type().name()).increment();
                published.incrementAndGet();
            });
        }
        return published.get();
    }

    private DiscrepancyFound event(Discrepancy d) {
        DiscrepancyFound event = new DiscrepancyFound();
        event.setEventId(""); // the outbox sets the real one: its row id
        event.setOccurredAt(clock.instant());
        event.setReportDate(d.reportDate().toString());
        event.setDiscrepancyType(d.type().name());
        event.setPaymentOrderId(d.paymentOrderId());
        event.setPspReference(d.pspReference());
        event.setSellerAccount(d.sellerAccount());
        event.setCurrency(d.currency());
        event.setExpected(d.expected());
        event.setActual(d.actual());
        event.setDetail(d.refundId() == null ? d.detail() : d.detail() + " [refund " + d.refundId() + "]");
        return event;
    }
}
