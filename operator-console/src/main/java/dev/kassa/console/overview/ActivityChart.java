package dev.kassa.console.overview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments finished per minute over the last hour as stacked bars (succeeded below, failed above), drawn on the server
 * as SVG: no charting script to serve or keep up to date. Minutes without a payment are empty bars.
 *
 * @param bars      one per minute, oldest first
 * @param max       the tallest bar's count (the chart's scale)
 * @param succeeded payments that succeeded in the window
 * @param failed    payments that failed in the window
 */
public record ActivityChart(List<Bar> bars, long max, long succeeded, long failed) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 160;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A minute's bar: x and width in the chart, the heights of its two parts, and its label every 10 minutes. */
    public record Bar(int x, int width, int succeededHeight, int failedHeight, long succeeded, long failed,
                      String label) {

        public int succeededY() {
            return HEIGHT - succeededHeight;
        }

        public int failedY() {
            return HEIGHT - succeededHeight - failedHeight;
        }

        public String title() {
            return label + " UTC: " + succeeded + " succeeded, " + failed + " failed";
        }
    }

    /** The share of finished payments that succeeded, in percent with one decimal; "n/a" when none finished. */
    public String successRatio() {
        long finished = succeeded + failed;
        return finished == 0 ? "n/a" : String.format("%.1f %%", 100.0 * succeeded / finished);
    }

    /**
     * @param until   the window's end (now)
     * @param minutes the window's length
     * @param counts  payment-service's per-minute counts: {@code minute} (ISO instant), {@code succeeded}, {@code failed}
     */
    static ActivityChart of(Instant until, int minutes, List<Map<String, Object>> counts) {
        Map<Instant, Map<String, Object>> byMinute = new HashMap<>();
        for (Map<String, Object> count : counts) {
            byMinute.put(Instant.parse(count.get("minute").toString()).truncatedTo(ChronoUnit.MINUTES), count);
        }
        Instant first = until.truncatedTo(ChronoUnit.MINUTES).minus(minutes - 1L, ChronoUnit.MINUTES);
        long max = 1;
        long succeeded = 0;
        long failed = 0;
        for (Map<String, Object> count : counts) {
            long s = number(count.get("succeeded"));
            long f = number(count.get("failed"));
            max = Math.max(max, s + f);
            succeeded += s;
            failed += f;
        }
        int width = WIDTH / minutes;
        List<Bar> bars = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            Instant minute = first.plus(i, ChronoUnit.MINUTES);
            Map<String, Object> count = byMinute.getOrDefault(minute, Map.of());
            long s = number(count.get("succeeded"));
            long f = number(count.get("failed"));
            bars.add(new Bar(i * width, Math.max(1, width - 1), (int) (HEIGHT * s / max), (int) (HEIGHT * f / max),
                    s, f, LABEL.format(minute)));
        }
        return new ActivityChart(bars, max, succeeded, failed);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
