package dev.kassa.localstack;

import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.ServiceSpec;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A real Kafka broker in a JVM of its own ({@link KafkaBrokerMain}), as a deployment's broker is: it can be stopped,
 * restarted or killed without the process that started it, and a supervisor restarts it like a service
 * ({@link #process()}). {@code ./kassa} and the system tests run their broker this way; the tests of a single module
 * keep the in-process one ({@link KafkaBroker#start(Options)}), which starts faster.
 *
 * <p>The child runs from this JVM's class path. Where that is a Spring Boot executable jar (the launcher's), its
 * classes are nested, so the child starts through Boot's {@code PropertiesLauncher} with {@code loader.main}.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

    /** The services' heap, collector and exit on a full heap: a broker for a handful of them on a small machine. */
    static final List<String> JVM_OPTIONS = ServiceSpec.DEFAULT_JVM_OPTIONS;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path dataDir;
    private final int port;
    private final KafkaCredentials superUser;
    private final KafkaAdministration administration;
    private ServiceProcess process;

    private KafkaBrokerProcess(Path dataDir, int port, KafkaCredentials superUser) {
        this.dataDir = dataDir;
        this.port = port;
        this.superUser = superUser;
        this.administration = new KafkaAdministration(superUserClientProperties());
    }

    /**
     * Starts the broker on {@code options}' data directory (required: it outlives this JVM's broker process) and
     * returns once it answers; its output goes to {@code logFile}.
     */
    public static KafkaBrokerProcess start(Options options, Path logFile) {
        Objects.requireNonNull(options.dataDir(), "a broker process needs a data directory of its own");
        Path dataDir = options.dataDir().toAbsolutePath();
        int port = FreePort.orPick(options.port());
        int controllerPort = FreePort.orPick(options.controllerPort());
        // Made here, read by the child: the password never appears on a command line.
        KafkaCredentials superUser = KafkaSuperUser.readOrCreate(dataDir);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, port, superUser);
        Map<String, String> arguments = Map.of("data-dir", dataDir.toString(), "port", Integer.toString(port),
                "controller-port", Integer.toString(controllerPort),
                "partitions", Integer.toString(options.defaultPartitions()));
        broker.process = ServiceProcess.start(spec(arguments, logFile), broker::answers);
        try {
            broker.process.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static ServiceSpec spec(Map<String, String> arguments, Path logFile) {
        String classPath = System.getProperty("java.class.path");
        String main = KafkaBrokerMain.class.getName();
        if (!isBootJar(classPath)) {
            return ServiceSpec.ofMainClass("kafka", classPath, main, port(arguments), arguments, JVM_OPTIONS, logFile);
        }
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add("-Dloader.main=" + main);
        return ServiceSpec.ofMainClass("kafka", classPath, BOOT_LAUNCHER, port(arguments), arguments, jvmOptions,
                logFile);
    }

    private static int port(Map<String, String> arguments) {
        return Integer.parseInt(arguments.get("port"));
    }

    /** Whether the class path is one Spring Boot executable jar, whose classes sit under {@code BOOT-INF/}. */
    static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker's process, for a supervisor to restart when it ends on its own. */
    public ServiceProcess process() {
        return process;
    }

    /**
     * Whether the broker answers as the super user. Only asked once its port takes connections: an admin client
     * that cannot connect warns on the console at every retry while the broker starts.
     */
    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
        } catch (IOException notYet) {
            return false;
        }
        return administer(() -> administration.answers(ANSWER_TIMEOUT));
    }

    /**
     * Runs one administration call with an admin client of its own, closed after it: an idle client left open
     * reconnects, with a warning each time, for as long as the broker is down (a restart, a crash).
     */
    private <T> T administer(Supplier<T> call) {
        try {
            return call.get();
        } finally {
            administration.close();
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public boolean secured() {
        return true;
    }

    @Override
    public KafkaCredentials superUser() {
        return superUser;
    }

    @Override
    public void upsertUsers(Collection<KafkaCredentials> users) {
        administer(() -> {
            administration.upsertUsers(users, Duration.ofSeconds(30));
            return null;
        });
    }

    @Override
    public void createAcls(Collection<AclBinding> acls) {
        administer(() -> {
            administration.createAcls(acls, Duration.ofSeconds(30));
            return null;
        });
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        administer(() -> {
            administration.createMissing(partitionsByTopic, Duration.ofSeconds(30));
            return null;
        });
    }

    /** SIGTERM: the broker shuts down cleanly; data and port are kept for {@link #restart()}. */
    @Override
    public void stop() {
        process.stop();
    }

    /** Starts the broker process again after {@link #stop()} (or a crash) and returns once it answers. */
    @Override
    public void restart() {
        if (!process.isAlive()) {
            process.restart();
        }
        process.awaitHealthy(START_TIMEOUT);
    }

    /** Stops the broker; its data stays where it is. */
    @Override
    public void close() {
        administration.close();
        process.close();
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + bootstrapServers() + ", " + dataDir + "]";
    }
}
