package dev.kassa.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds a service's executable jar as the Maven build leaves it: {@code <repo>/<module>/target/<module>-<version>.jar}. */
public final class ServiceJars {

    private ServiceJars() {
    }

    /**
     * The jar of {@code module}; the system property {@code kassa.jar.<module>} overrides the lookup.
     * The repository root is found by walking up from the working directory to the root {@code pom.xml}
     * that lists the module.
     */
    public static Path locate(String module) {
        String override = System.getProperty("kassa.jar." + module);
        if (override != null) {
            return Path.of(override);
        }
        Path target = repositoryRoot().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> isExecutableJar(p, module)).findFirst()
                    .orElseThrow(() -> notBuilt(module, target));
        } catch (IOException e) {
            throw notBuilt(module, target);
        }
    }

    /** The directory holding the root pom.xml, found from the working directory upwards. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Kassa repository: no root pom.xml above "
                + Path.of("").toAbsolutePath());
    }

    private static boolean isExecutableJar(Path file, String module) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith(".jar")
                && !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar");
    }

    private static UncheckedIOException notBuilt(String module, Path target) {
        return new UncheckedIOException(new IOException("No executable jar of " + module + " in " + target
                + ": build it first (./mvnw -B -pl " + module + " -am package -DskipTests)"));
    }
}
