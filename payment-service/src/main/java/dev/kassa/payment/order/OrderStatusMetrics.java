package dev.kassa.payment.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code kassa.payment.orders{status}}: payment orders per state, read from the database (the source of
 * truth, right across restarts and instances) at most every few seconds however often it is scraped.
 */
@Component
class OrderStatusMetrics {

    private static final Logger log = LoggerFactory.getLogger(OrderStatusMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final PaymentOrders orders;
    private final Clock clock;
    private volatile Map<PaymentOrderStatus, Long> snapshot = Map.of();
    private volatile Instant takenAt = Instant.EPOCH;

    public OrderStatusMetrics(PaymentOrders orders, Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.clock = clock;
        for (PaymentOrderStatus status : PaymentOrderStatus.values()) {
            Gauge.builder("kassa.payment.orders", this, m -> m.count(status))
                    .description("Payment orders by status")
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    private synchronized double count(PaymentOrderStatus status) {
        Instant now = clock.instant();
        if (takenAt.plus(MAX_AGE).isBefore(now)) {
            try {
                snapshot = orders.countByStatus();
                takenAt = now;
            } catch (RuntimeException e) {
                log.warn("Could not count payment orders by status: {}", e.getMessage());
                return Double.NaN;
            }
        }
        return snapshot.getOrDefault(status, 0L);
    }
}
