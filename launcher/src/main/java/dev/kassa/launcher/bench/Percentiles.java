package dev.kassa.launcher.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations in microseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] micros) {
        this.sorted = micros.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; NaN without values. */
    double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0;
    }
}
