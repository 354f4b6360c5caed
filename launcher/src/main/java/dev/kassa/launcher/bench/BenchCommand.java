package dev.kassa.launcher.bench;

import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.SystemSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./kassa bench}: parses the options, starts the whole system (or attaches to the one running on the
 * default ports), runs the bench, stops what it started. Exit status 0 when every check passed, 1 when one
 * failed or the bench could not run, 2 for a wrong command line.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(List<String> args, Path defaultWorkDir, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, defaultWorkDir);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return 2;
        }
        SystemSettings settings = SystemSettings.defaults(options.workDir());
        try {
            if (options.useRunning()) {
                return exitStatus(new Bench(BenchTarget.running(settings), options).run(out));
            }
            try (StartedSystem started = StartedSystem.start(settings, out)) {
                return exitStatus(new Bench(BenchTarget.of(started.system()), options).run(out));
            }
        } catch (RuntimeException e) {
            System.err.println("The bench did not run: " + e.getMessage());
            return 1;
        }
    }

    private static int exitStatus(BenchResult result) {
        return result.checksPassed() ? 0 : 1;
    }

    /** The system the bench started, stopped when the bench ends or is interrupted (Ctrl-C). */
    private static final class StartedSystem implements AutoCloseable {

        /**
         * Longer than {@code ./kassa}'s wait: five JVMs starting at once on a machine that is busy with something
         * else can take over three minutes, and the bench's checks are worth having even there.
         */
        private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(6);

        private final KassaSystem system;
        private final Thread stopOnExit;

        private StartedSystem(KassaSystem system) {
            this.system = system;
            this.stopOnExit = new Thread(system::close, "kassa-bench-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }

        static StartedSystem start(SystemSettings settings, PrintStream out) {
            return new StartedSystem(KassaSystem.start(settings, out::println, HEALTHY_TIMEOUT));
        }

        KassaSystem system() {
            return system;
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook stops it
            }
            system.close();
        }
    }
}
