package dev.kassa.launcher.bench;

/**
 * One stage of load at one rate: checkouts {@code first .. first + count - 1}, due from {@code startNanos} to
 * {@code endNanos}, with the backlog (orders sent and not completed) at its start, half-way and at its end, and
 * the CPU used meanwhile.
 *
 * <p>Whether the stage kept up is judged on its second half only: in the first half the pipeline fills up to the
 * new rate (the backlog of a system that keeps up is rate x latency, so it rises with the rate), in the second
 * half it only grows if completion falls behind.
 *
 * @param number 0 for the warm-up, else 1, 2, ...
 */
record StageRun(int number, double rate, long first, long count, long startNanos, long endNanos,
                long backlogAtStart, long backlogAtHalf, long backlogAtEnd, long notAccepted, CpuMeter.Sample cpu) {

    /** The backlog may grow by this share of the orders offered in the second half (polls are not instant). */
    static final double TOLERATED_GROWTH = 0.10;
    /** Share of the stage's POSTs that may fail or not be sent. */
    static final double TOLERATED_REFUSALS = 0.01;

    boolean warmup() {
        return number == 0;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** Completion kept up with the offered load: the backlog did not grow in the second half, and (almost) every POST was accepted. */
    boolean keptUp(int ordersPerCheckout) {
        return backlogAtEnd - backlogAtHalf <= TOLERATED_GROWTH * count / 2.0 * ordersPerCheckout
                && notAccepted <= TOLERATED_REFUSALS * count;
    }
}
