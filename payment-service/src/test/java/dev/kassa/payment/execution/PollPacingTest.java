package dev.kassa.payment.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor's poll pacing on a clock of its own: what it waits for, not how long a real wait takes. */
class PollPacingTest {

    private long now;
    private final List<Long> parked = new ArrayList<>();
    private final PollPacing pacing = new PollPacing(Duration.ofMillis(250), () -> now, nanos -> {
        parked.add(nanos);
        now += nanos;
    });

    @Test
    void aQuickPollIsFollowedByTheRestOfTheInterval() {
        long started = pacing.pollStarted();
        now += Duration.ofMillis(40).toNanos();

        pacing.awaitNextPoll(started);

        assertThat(parked).containsExactly(Duration.ofMillis(210).toNanos());
    }

    @Test
    void aPollThatTookTheIntervalOrLongerIsFollowedAtOnce() {
        long started = pacing.pollStarted();
        now += Duration.ofMillis(300).toNanos();

        pacing.awaitNextPoll(started);

        assertThat(parked).isEmpty();
    }

    @Test
    void aParkCutShortIsResumedUntilTheIntervalHasPassed() {
        List<Long> waits = new ArrayList<>();
        long[] clock = {0};
        PollPacing spurious = new PollPacing(Duration.ofMillis(250), () -> clock[0], nanos -> {
            waits.add(nanos);
            clock[0] += Math.min(nanos, Duration.ofMillis(100).toNanos()); // woken early
        });

        spurious.awaitNextPoll(spurious.pollStarted());

        assertThat(waits).containsExactly(Duration.ofMillis(250).toNanos(), Duration.ofMillis(150).toNanos(),
                Duration.ofMillis(50).toNanos());
    }

    @Test
    void anInterruptedThreadStopsWaiting() {
        Thread.currentThread().interrupt();
        try {
            pacing.awaitNextPoll(pacing.pollStarted());
            assertThat(parked).isEmpty();
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the container").isTrue();
        }
    }

    @Test
    void noIntervalNeverWaitsAndANegativeOneIsRefused() {
        PollPacing none = new PollPacing(Duration.ZERO, () -> now, nanos -> parked.add(nanos));
        none.awaitNextPoll(none.pollStarted());
        assertThat(parked).isEmpty();

        assertThatThrownBy(() -> new PollPacing(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
