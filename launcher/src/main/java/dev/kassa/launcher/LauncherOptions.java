package dev.kassa.launcher;

import java.nio.file.Path;
import java.util.List;

/** The launcher's command line: {@code [--no-demo] [--exit-after-demo] [--fresh] [--work-dir DIR] [--instances N]}. */
public record LauncherOptions(boolean demo, boolean exitAfterDemo, boolean fresh, Path workDir, int instances) {

    /** More would not fit two cores and the topics' partitions would idle some consumers. */
    public static final int MAX_INSTANCES = 4;

    public static final String USAGE = """
            Usage: ./kassa [--no-demo] [--exit-after-demo] [--fresh] [--work-dir DIR] [--instances N]
              --no-demo          start everything and wait, without driving the demo payments
              --exit-after-demo  stop everything once the demo summary is printed
              --fresh            wipe the data directory and the keys first (both persist across restarts otherwise)
              --work-dir DIR     where data and logs live (default: .kassa in the repository)
              --instances N      run N instances of every service (1-4, default 1) behind a proxy on the
                                 usual ports; the n-th instance of a service listens on its port + 10000 + 100 (n - 1)
            Benchmark: ./kassa bench --help
            """;

    public static LauncherOptions parse(List<String> args, Path defaultWorkDir) {
        boolean demo = true;
        boolean exitAfterDemo = false;
        boolean fresh = false;
        Path workDir = defaultWorkDir;
        int instances = 1;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--no-demo" -> demo = false;
                case "--exit-after-demo" -> exitAfterDemo = true;
                case "--fresh" -> fresh = true;
                case "--work-dir" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException("--work-dir needs a directory");
                    }
                    workDir = Path.of(args.get(++i));
                }
                case "--instances" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException("--instances needs a number");
                    }
                    instances = instances(args.get(++i));
                }
                default -> throw new IllegalArgumentException("Unknown option: " + args.get(i));
            }
        }
        if (!demo && exitAfterDemo) {
            throw new IllegalArgumentException("--exit-after-demo needs the demo; drop --no-demo");
        }
        return new LauncherOptions(demo, exitAfterDemo, fresh, workDir.toAbsolutePath().normalize(), instances);
    }

    private static int instances(String value) {
        try {
            int instances = Integer.parseInt(value);
            if (instances >= 1 && instances <= MAX_INSTANCES) {
                return instances;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--instances must be a number from 1 to " + MAX_INSTANCES + ", not " + value);
    }
}
