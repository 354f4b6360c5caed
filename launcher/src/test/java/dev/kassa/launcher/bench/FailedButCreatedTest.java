package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A POST that failed on the client's side but whose checkout exists is told apart from one that created nothing. */
class FailedButCreatedTest {

    @Test
    void onlyFailedPostsWhoseCheckoutWasCreatedAreCounted() {
        PostLog log = new PostLog(5);
        for (long n = 0; n < 4; n++) {
            log.sending(n, n);
        }
        log.answered(0, 202, 10, null);
        log.answered(1, PostLog.NO_ANSWER, 10, "timed out");
        log.answered(2, 503, 10, "503");
        log.answered(3, PostLog.NO_ANSWER, 10, "timed out");
        log.notSent(4, 4);
        // payment-service has orders for checkouts 0 (accepted), 1 (timed out) and 4 (never sent: cannot happen,
        // but must not count); none for 2 and 3.
        List<OrderTimeline.Order> timeline = List.of(order(0), order(1), order(4));
        StageRun stage = new StageRun(1, 50, 0, 5, 0, 1, 0, 0, 0, 4, null);

        assertThat(BenchReport.failedButCreated(stage, log, timeline)).isEqualTo(1);
    }

    @Test
    void onlyTheStagesOwnCheckoutsCount() {
        PostLog log = new PostLog(4);
        for (long n = 0; n < 4; n++) {
            log.sending(n, n);
            log.answered(n, PostLog.NO_ANSWER, 10, "timed out");
        }
        List<OrderTimeline.Order> timeline = List.of(order(0), order(1), order(2), order(3));
        StageRun secondHalf = new StageRun(2, 50, 2, 2, 0, 1, 0, 0, 0, 2, null);

        assertThat(BenchReport.failedButCreated(secondHalf, log, timeline)).isEqualTo(2);
    }

    private static OrderTimeline.Order order(long checkout) {
        return new OrderTimeline.Order(checkout, "po_" + checkout, "SUCCEEDED", 1, 2, 3, 4, 5, 6);
    }
}
