package dev.kassa.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.launcher.checks.SystemInvariants;
import java.time.Duration;

/**
 * The system's invariants (the launcher's {@link SystemInvariants}, which {@code ./kassa bench} checks too), over
 * everything the shared system holds, awaited after every test: events may still be in flight when a test ends.
 */
final class AfterEachInvariants {

    private final SystemInvariants invariants;

    AfterEachInvariants(Kassa kassa) {
        this.invariants = SystemInvariants.everything(kassa.db());
    }

    /** Waits until every invariant holds, or fails naming those that do not. */
    void awaitAllHold() {
        await("system invariants").atMost(Timeouts.SETTLE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(invariants.violations()).as("system invariants violated").isEmpty());
    }
}
