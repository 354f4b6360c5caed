package dev.kassa.wallet.movement;

import dev.kassa.messaging.consumer.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counters of money movements. Counted after the commit, so a rolled-back (and retried) attempt is not
 * counted twice.
 */
@Component
class MovementMetrics {

    private final Counter credits;
    private final Counter debits;
    private final Counter duplicates;
    private final Counter wentBelowZero;

    MovementMetrics(MeterRegistry registry) {
        this.credits = applied(registry, MovementKind.CREDIT);
        this.debits = applied(registry, MovementKind.DEBIT);
        this.duplicates = Counter.builder("kassa.wallet.movements.duplicate")
                .description("Events that already had a movement (business key), skipped")
                .register(registry);
        this.wentBelowZero = Counter.builder("kassa.wallet.debits.below.zero")
                .description("Debits (refunds, disputes' withdrawn funds) that left a balance below zero")
                .register(registry);
    }

    private static Counter applied(MeterRegistry registry, MovementKind kind) {
        return Counter.builder("kassa.wallet.movements.applied")
                .description("Money movements applied to wallets")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    void applied(AppliedMovement movement) {
        AfterCommit.run(() -> {
            (movement.request().kind() == MovementKind.CREDIT ? credits : debits).increment();
            if (movement.balanceAfterMinor() < 0 && movement.request().kind() == MovementKind.DEBIT) {
                wentBelowZero.increment();
            }
        });
    }

    void duplicate() {
        AfterCommit.run(duplicates::increment);
    }
}
