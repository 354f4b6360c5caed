package dev.kassa.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's secrets travel in its environment, which only its owner can read, never on its command line. */
class ServiceProcessTest {

    private static final String SECRET = "sk_test_notOnTheCommandLine";

    @Test
    void theEnvironmentReachesTheServiceAndStaysOffItsCommandLine(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("echo.log");
        ServiceSpec spec = ServiceSpec.of("echo", echoJar(dir), 18_080, Map.of("spring.application.name", "echo"), log)
                .withEnvironment(Map.of(EnvironmentEcho.VARIABLE, SECRET));

        try (ServiceProcess echo = ServiceProcess.start(spec)) {
            await("the echo's output").atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(log) && Files.readString(log).contains(EnvironmentEcho.VARIABLE + "="));

            assertThat(Files.readString(log))
                    .contains(EnvironmentEcho.VARIABLE + "=" + SECRET)
                    .contains("arguments=--", "--server.port=18080", "--spring.application.name=echo");
            List<String> running = ProcessHandle.of(echo.pid()).orElseThrow().info().arguments().map(List::of)
                    .orElseThrow(() -> new AssertionError("the operating system does not show the arguments"));
            assertThat(running).contains("--server.port=18080").noneMatch(argument -> argument.contains(SECRET));
        }
    }

    @Test
    void theCommandLineHasTheJarAndPropertiesOnly(@TempDir Path dir) {
        ServiceSpec spec = ServiceSpec.of("svc", dir.resolve("svc.jar"), 8080, Map.of("a.b", "c"), dir.resolve("svc.log"))
                .withEnvironment(Map.of("SPRING_DATASOURCE_PASSWORD", SECRET));

        assertThat(ServiceProcess.commandLine(spec))
                .containsSequence("-jar", dir.resolve("svc.jar").toString())
                .contains("--a.b=c", "--server.port=8080")
                .noneMatch(argument -> argument.contains(SECRET));
        assertThat(ServiceProcess.processBuilder(spec).environment()).containsEntry("SPRING_DATASOURCE_PASSWORD", SECRET);
        assertThat(spec.toString()).contains("SPRING_DATASOURCE_PASSWORD").doesNotContain(SECRET);
    }

    @Test
    void aLaterEnvironmentVariableReplacesAnEarlierOne(@TempDir Path dir) {
        ServiceSpec spec = ServiceSpec.of("svc", dir.resolve("svc.jar"), 8080, Map.of(), dir.resolve("svc.log"))
                .withEnvironment(Map.of("A", "1", "B", "2"))
                .withEnvironment(Map.of("B", "3"));

        assertThat(spec.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "3"));
    }

    @Test
    void anExtractedJarRunsWithAClassDataArchiveBesideItAndABootJarWithout(@TempDir Path dir) throws IOException {
        Path extracted = dir.resolve("extracted");
        Files.createDirectories(extracted.resolve("lib"));
        ServiceSpec withArchive = ServiceSpec.of("svc", extracted.resolve("svc-1.0.jar"), 8080, Map.of(),
                dir.resolve("svc.log"));
        ServiceSpec secondInstance = ServiceSpec.of("svc-2", extracted.resolve("svc-1.0.jar"), 8180, Map.of(),
                dir.resolve("svc-2.log"));
        ServiceSpec boot = ServiceSpec.of("svc", dir.resolve("svc-1.0.jar"), 8080, Map.of(), dir.resolve("svc.log"));

        assertThat(withArchive.jvmOptions()).containsAll(ServiceSpec.DEFAULT_JVM_OPTIONS)
                .contains("-XX:SharedArchiveFile=" + extracted.resolve("svc.jsa").toAbsolutePath(),
                        "-XX:+AutoCreateSharedArchive", "-Xlog:cds=error");
        assertThat(secondInstance.jvmOptions())
                .contains("-XX:SharedArchiveFile=" + extracted.resolve("svc-2.jsa").toAbsolutePath());
        assertThat(boot.jvmOptions()).isEqualTo(ServiceSpec.DEFAULT_JVM_OPTIONS);
        // What stop() waits longer for while the archive is not there yet: the JVM writes it on its way out.
        assertThat(withArchive.classDataArchive()).contains(extracted.resolve("svc.jsa").toAbsolutePath());
        assertThat(boot.classDataArchive()).isEmpty();
    }

    /** An executable jar of nothing but a manifest: its main class is {@link EnvironmentEcho} in the test classes. */
    static Path echoJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EnvironmentEcho.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                EnvironmentEcho.class.getProtectionDomain().getCodeSource().getLocation().toString());
        Path jar = dir.resolve("echo.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            return jar;
        }
    }
}
