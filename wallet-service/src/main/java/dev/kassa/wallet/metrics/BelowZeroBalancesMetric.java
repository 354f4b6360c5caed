package dev.kassa.wallet.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code kassa.wallet.balances.below.zero}: how many (account, currency) balances are negative after
 * refunds. Read from the database at each scrape, so it is right across restarts and instances; a partial
 * index keeps the count cheap. A plain count over all balances, not an aggregate read, so on JdbcClient.
 */
@Component
class BelowZeroBalancesMetric implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(BelowZeroBalancesMetric.class);

    private final JdbcClient jdbc;

    BelowZeroBalancesMetric(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kassa.wallet.balances.below.zero", this, BelowZeroBalancesMetric::count)
                .description("Wallet balances (account, currency) below zero after refunds")
                .register(registry);
    }

    private double count() {
        try {
            return jdbc.sql("SELECT count(*) FROM wallet_balance WHERE balance_minor < 0").query(Long.class).single();
        } catch (RuntimeException e) {
            log.debug("Cannot count balances below zero: {}", e.toString());
            return Double.NaN;
        }
    }
}
