package dev.kassa.localstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start one service: its executable jar, its port, Spring properties passed as {@code --key=value}
 * arguments, environment variables, JVM options and the file its output goes to. A process that is not a Spring Boot
 * jar (the Kafka broker of {@code ./kassa}) names its {@code mainClass} instead, run from {@code jar} as its class
 * path ({@link #ofMainClass}).
 *
 * <p>Secrets (passwords, API keys, signing secrets) belong in {@code environment}, never in {@code properties}:
 * a command line is readable by every user of the machine ({@code ps}, {@code /proc/<pid>/cmdline}), a process's
 * environment only by its owner. Spring reads a property from the variable of its upper-case name
 * ({@code spring.datasource.password} from {@code SPRING_DATASOURCE_PASSWORD}).
 *
 * @param environment variables added to those the service inherits from this JVM (a value here wins)
 * @param mainClass   null: run {@code jar} with {@code -jar}; otherwise the class to run, {@code jar} being the class
 *                    path ({@code -cp})
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> properties,
                          Map<String, String> environment, List<String> jvmOptions, Path logFile, String mainClass) {

    /**
     * Tuned for steady state on a small machine that runs five of these at once: the full tiered JIT (C2's code took
     * a quarter less CPU per payment than C1's alone, for up to 25 s of compiling per JVM in its first minutes under
     * load; measured in docs/architecture.md §9) and the serial collector (no GC threads competing for two cores;
     * pauses stay short with heaps this small). A JVM whose heap ran out exits instead of staying up half-working (a
     * thread died mid-task, or back-to-back full collections take a core and answer nothing, which a readiness probe
     * that still gets through does not show), so that the supervisor starts it again.
     *
     * <p>The monitor-deflation thread wakes every 5 s instead of every 250 ms to check whether many locks need
     * deflating (HotSpot's {@code AsyncDeflationInterval}; the once-a-minute deflation stays): an idle JVM here has a
     * dozen inflated monitors, and those four wake-ups a second in every JVM were 0.4 % of one core, a fourteenth of
     * what the idle system used (docs/architecture.md §9). The flag is a diagnostic one, in JDK 17 and 25 alike.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-XX:+UnlockDiagnosticVMOptions", "-XX:AsyncDeflationInterval=5000");

    private static final String ARCHIVE_FILE = "-XX:SharedArchiveFile=";
    private static final String AUTO_CREATE_ARCHIVE = "-XX:+AutoCreateSharedArchive";

    public ServiceSpec {
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A Spring Boot jar's spec, run with {@code -jar}. */
    public ServiceSpec(String name, Path jar, int port, Map<String, String> properties,
                       Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        this(name, jar, port, properties, environment, jvmOptions, logFile, null);
    }

    /** A spec without environment variables of its own (the service inherits this JVM's). */
    public ServiceSpec(String name, Path jar, int port, Map<String, String> properties, List<String> jvmOptions,
                       Path logFile) {
        this(name, jar, port, properties, Map.of(), jvmOptions, logFile);
    }

    /**
     * A process that runs {@code mainClass} from {@code classPath} (a jar whose manifest lists the rest, or entries
     * joined by the path separator), given {@code arguments} as {@code --key=value} and these JVM options.
     */
    public static ServiceSpec ofMainClass(String name, String classPath, String mainClass, int port,
                                          Map<String, String> arguments, List<String> jvmOptions, Path logFile) {
        return new ServiceSpec(name, Path.of(classPath), port, arguments, Map.of(), jvmOptions, logFile, mainClass);
    }

    /**
     * A spec with the default JVM options and {@code server.port} set to {@code port}; with class data sharing when
     * the jar is an extracted one ({@link #classDataSharing(Path)}).
     */
    public static ServiceSpec of(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("server.port", Integer.toString(port));
        List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        jvmOptions.addAll(classDataSharing(jar, name));
        return new ServiceSpec(name, jar, port, all, Map.of(), jvmOptions, logFile);
    }

    /**
     * For a jar extracted by Spring Boot's {@code -Djarmode=tools extract} (its dependencies in {@code lib/} beside
     * it, as {@code ./kassa} runs the services): a dynamic class-data archive beside the jar, written by the JVM when
     * the service exits gracefully and mapped by every later start (JDK 19+; a stale or missing one is written anew).
     * It halves a start: wallet-service healthy in 7 s instead of 14-15 s on the 2-core machine. A Boot jar run as
     * it is loads its classes through Boot's own class loader, which the archive does not cover, so nothing is added.
     * The archive is named after the process ({@code name}), not the jar: two instances of one service each write
     * their own when they exit.
     */
    static List<String> classDataSharing(Path jar, String name) {
        Path dir = jar.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir.resolve("lib"))) {
            return List.of();
        }
        // -Xlog: the archive leaves out classes of multi-release jars (Spring's Java 24 variants) with a warning each.
        return List.of(ARCHIVE_FILE + dir.resolve(name + ".jsa"), AUTO_CREATE_ARCHIVE, "-Xlog:cds=error");
    }

    /** The class-data archive its JVM maps, and writes as it exits if there is none ({@link #classDataSharing}). */
    public Optional<Path> classDataArchive() {
        if (!jvmOptions.contains(AUTO_CREATE_ARCHIVE)) {
            return Optional.empty();
        }
        return jvmOptions.stream().filter(option -> option.startsWith(ARCHIVE_FILE))
                .map(option -> Path.of(option.substring(ARCHIVE_FILE.length()))).reduce((first, last) -> last);
    }

    /** This spec with {@code options} after its JVM options (a later option wins over an earlier one). */
    public ServiceSpec withJvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return new ServiceSpec(name, jar, port, properties, environment, all, logFile, mainClass);
    }

    /** This spec with {@code variables} added to its environment (replacing any of the same name). */
    public ServiceSpec withEnvironment(Map<String, String> variables) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.putAll(variables);
        return new ServiceSpec(name, jar, port, properties, all, jvmOptions, logFile, mainClass);
    }

    /** Names the variables only: their values may be secrets, and a spec ends up in logs and failure messages. */
    @Override
    public String toString() {
        return "ServiceSpec[name=" + name + ", jar=" + jar + ", port=" + port + ", properties=" + properties
                + ", environment=" + environment.keySet() + ", jvmOptions=" + jvmOptions + ", logFile=" + logFile
                + (mainClass == null ? "" : ", mainClass=" + mainClass) + "]";
    }
}
