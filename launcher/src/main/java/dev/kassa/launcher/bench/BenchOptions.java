package dev.kassa.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./kassa bench [options]}. Every value is bounded, so that a typo cannot start an hour-long run or a
 * million requests a second on a laptop.
 *
 * @param rate          checkouts per second offered (of the first stage with {@code step})
 * @param duration      how long the load runs (each stage, with {@code step})
 * @param warmup        load at {@code rate} before the measured window, left out of every figure but the checks
 * @param orders        payment orders per checkout
 * @param sellers       sellers the orders are spread over
 * @param hotSeller     share of the orders that go to one seller (the others spread evenly over the rest)
 * @param pspLatencyMs  latency psp-mock adds to each call during the run; negative = leave it as it is
 * @param step          0 = one stage; else the rate increase per stage, until the backlog grows
 * @param maxStages     at most this many stages with {@code step}
 * @param drainTimeout  how long to wait, after the load, for the backlog to reach zero
 * @param sqlTop        statements per database to print from pg_stat_statements; 0 = none
 * @param card          the card token of every checkout ({@code tok_visa} succeeds synchronously)
 * @param useRunning    drive the system already running on the default ports instead of starting one
 * @param workDir       where a system started by the bench keeps data and logs
 */
public record BenchOptions(double rate, Duration duration, Duration warmup, int orders, int sellers, double hotSeller,
                           long pspLatencyMs, double step, int maxStages, Duration drainTimeout, int sqlTop,
                           String card, boolean useRunning, Path workDir) {

    public static final String USAGE = """
            Usage: ./kassa bench [options]
              --rate N              checkouts per second, sent on a fixed schedule (open loop)   (default 50)
              --duration D          how long the load runs, e.g. 60s, 2m; each stage with --step  (default 60s)
              --warmup D            load at --rate first, left out of the figures (not the checks) (default 0s)
              --orders N            payment orders per checkout                                   (default 1)
              --sellers N           sellers the orders are spread over                            (default 100)
              --hot-seller F        share of orders (0-1) that go to one seller                    (default 0)
              --psp-latency-ms N    latency psp-mock adds to every call during the run, then restored
              --step N              raise the rate by N per stage until the backlog grows; report the last good rate
              --max-stages N        at most N stages with --step                                  (default 10)
              --drain-timeout D     how long to wait for the backlog after the load               (default 120s)
              --sql-top N           print the top N statements per database from pg_stat_statements (default 0)
              --card TOKEN          card token of every checkout                                  (default tok_visa)
              --use-running         drive the system ./kassa runs on the default ports, with its keys (.kassa/credentials)
              --work-dir DIR        data and logs of the system the bench starts (default: .kassa)
            """;

    static final double MAX_RATE = 5_000;
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    /** The run keeps a few numbers per checkout in memory. */
    static final long MAX_CHECKOUTS = 2_000_000;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    public BenchOptions {
        require(rate > 0 && rate <= MAX_RATE, "--rate must be above 0 and at most " + (long) MAX_RATE);
        require(!duration.isNegative() && duration.compareTo(Duration.ofSeconds(1)) >= 0
                && duration.compareTo(MAX_DURATION) <= 0, "--duration must be from 1s to " + MAX_DURATION.toMinutes() + "m");
        require(!warmup.isNegative() && warmup.compareTo(MAX_DURATION) <= 0, "--warmup must be from 0s to 30m");
        require(orders >= 1 && orders <= 50, "--orders must be from 1 to 50 (payment-service's limit per checkout)");
        require(sellers >= 1 && sellers <= 100_000, "--sellers must be from 1 to 100000");
        require(hotSeller >= 0 && hotSeller <= 1, "--hot-seller must be from 0 to 1");
        require(pspLatencyMs <= 120_000, "--psp-latency-ms must be at most 120000 (psp-mock's limit)");
        require(step >= 0 && step <= MAX_RATE, "--step must be from 0 to " + (long) MAX_RATE);
        require(maxStages >= 1 && maxStages <= 50, "--max-stages must be from 1 to 50");
        require(drainTimeout.compareTo(Duration.ofSeconds(1)) >= 0 && drainTimeout.compareTo(MAX_DURATION) <= 0,
                "--drain-timeout must be from 1s to 30m");
        require(sqlTop >= 0 && sqlTop <= 100, "--sql-top must be from 0 to 100");
        require(card.matches("[A-Za-z0-9_-]{1,255}"), "--card must be a PSP token such as tok_visa");
        require(Math.round(rate * duration.toMillis() / 1000.0) >= 2, "--rate x --duration must make at least 2 checkouts");
        require(checkoutsAtMost(rate, duration, warmup, step, maxStages) <= MAX_CHECKOUTS,
                "that many checkouts (rate x duration, over every stage) is more than " + MAX_CHECKOUTS);
    }

    public static BenchOptions parse(List<String> args, Path defaultWorkDir) {
        double rate = 50;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ZERO;
        int orders = 1;
        int sellers = 100;
        double hotSeller = 0;
        long pspLatencyMs = -1;
        double step = 0;
        int maxStages = 10;
        Duration drainTimeout = Duration.ofSeconds(120);
        int sqlTop = 0;
        String card = "tok_visa";
        boolean useRunning = false;
        Path workDir = defaultWorkDir;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--use-running")) {
                useRunning = true;
                continue;
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(option.startsWith("--") && USAGE.contains(option + " ")
                        ? option + " needs a value" : "Unknown option: " + option);
            }
            String value = args.get(++i);
            switch (option) {
                case "--rate" -> rate = number(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--orders" -> orders = (int) whole(option, value);
                case "--sellers" -> sellers = (int) whole(option, value);
                case "--hot-seller" -> hotSeller = number(option, value);
                case "--psp-latency-ms" -> {
                    pspLatencyMs = whole(option, value);
                    if (pspLatencyMs < 0) {
                        throw new IllegalArgumentException("--psp-latency-ms must be 0 or more");
                    }
                }
                case "--step" -> step = number(option, value);
                case "--max-stages" -> maxStages = (int) whole(option, value);
                case "--drain-timeout" -> drainTimeout = duration(option, value);
                case "--sql-top" -> sqlTop = (int) whole(option, value);
                case "--card" -> card = value;
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        return new BenchOptions(rate, duration, warmup, orders, sellers, hotSeller, pspLatencyMs, step, maxStages,
                drainTimeout, sqlTop, card, useRunning, workDir.toAbsolutePath().normalize());
    }

    /** The most checkouts this run can send: the warm-up and every stage it may run. */
    long maxCheckouts() {
        return checkoutsAtMost(rate, duration, warmup, step, maxStages);
    }

    public boolean stepping() {
        return step > 0;
    }

    /** The rate of stage {@code index} (0 = the first measured stage). */
    double rateOfStage(int index) {
        return rate + index * step;
    }

    int stages() {
        return stepping() ? maxStages : 1;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s checkouts/s x %d order%s for %s%s, %d sellers (hot seller %.0f %%), card %s, PSP latency %s",
                number(rate), orders, orders == 1 ? "" : "s", seconds(duration),
                stepping() ? " per stage, +" + number(step) + "/s per stage (at most " + maxStages + " stages)" : "",
                sellers, hotSeller * 100, card, pspLatencyMs < 0 ? "unchanged" : pspLatencyMs + " ms")
                + (warmup.isZero() ? "" : ", after a warm-up of " + seconds(warmup));
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static long checkoutsAtMost(double rate, Duration duration, Duration warmup, double step, int maxStages) {
        double seconds = duration.toMillis() / 1000.0;
        long total = Math.round(rate * warmup.toMillis() / 1000.0);
        for (int stage = 0; stage < (step > 0 ? maxStages : 1); stage++) {
            total += Math.round((rate + stage * step) * seconds);
        }
        return total;
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }

    private static long whole(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    /** {@code 90}, {@code 90s}, {@code 2m} or {@code 500ms}; a bare number is seconds. */
    private static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " needs a duration such as 60s, 2m or 500ms, not " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
