package dev.kassa.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dynamic class-data archive of a jar extracted by Spring Boot's {@code -Djarmode=tools extract} (its dependencies
 * in {@code lib/} beside it, as {@code ./kassa} runs the services): one file beside the jar, named after the JDK that
 * runs it, mapped by every start once it exists. It halves a start (docs/architecture.md §9). A Boot jar run as it is
 * loads its classes through Boot's own class loader, which an archive does not cover, so it has none.
 *
 * <p>A JVM started while the archive is missing records what a dump needs ({@code -XX:+RecordDynamicDumpInfo}), and
 * {@link #writeFrom} dumps it from that running JVM with {@code jcmd VM.cds dynamic_dump} once it has started. Not
 * {@code -XX:+AutoCreateSharedArchive}, which writes the archive as the JVM exits: the launcher stops every service at
 * once with 30 s each, and ten JVMs writing their archives together on two cores took longer, so that all of them were
 * killed first and no archive was ever written; nor did a service killed with {@code kill -9} ever get one.
 */
public record ClassDataArchive(Path file) {

    /** The archive of {@code jar}, if it is an extracted one. */
    public static Optional<ClassDataArchive> of(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir.resolve("lib"))) {
            return Optional.empty();
        }
        // An archive fits the JDK that wrote it only; one name per JDK, so that another JDK writes its own.
        String jdk = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        return Optional.of(new ClassDataArchive(dir.resolve("classes-jdk" + jdk + ".jsa")));
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Options for a JVM starting now: map the archive, or record what {@link #writeFrom} needs. {@code -Xlog}: the
     * archive leaves out classes of multi-release jars (Spring's Java 24 variants) with a warning each.
     */
    public List<String> jvmOptions() {
        return exists()
                ? List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=error")
                : List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds=error");
    }

    /**
     * Writes the archive from the running JVM {@code pid}, started while it was missing: the classes it has loaded so
     * far, so call it once the service has started. The JVM pauses while it writes (a few seconds). Written to a
     * temporary file and moved into place once complete, so that no start maps half an archive.
     *
     * @throws IOException if {@code jcmd} is not there (a JRE) or the dump failed (the process ended meanwhile)
     */
    public void writeFrom(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                partial.toString()).redirectErrorStream(true).start();
        String output = new String(dump.getInputStream().readAllBytes());
        if (dump.waitFor() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            throw new IOException("jcmd " + pid + " VM.cds dynamic_dump did not write an archive: " + output.strip());
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes the archive of each extracted jar among {@code processes} that has none yet, from the first of its
     * processes still running, one jar at a time (each dump takes a core for a few seconds); says what it did on
     * {@code console}. A failure costs only the speed-up, so it is reported and the rest go on.
     */
    public static void writeMissing(List<ServiceProcess> processes, Consumer<String> console) {
        Map<ClassDataArchive, List<ServiceProcess>> byArchive = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            of(process.jar()).ifPresent(archive -> byArchive.computeIfAbsent(archive, a -> new ArrayList<>()).add(process));
        }
        long started = System.nanoTime();
        int written = 0;
        for (Map.Entry<ClassDataArchive, List<ServiceProcess>> entry : byArchive.entrySet()) {
            ClassDataArchive archive = entry.getKey();
            Optional<ServiceProcess> running = entry.getValue().stream().filter(ServiceProcess::isAlive).findFirst();
            if (archive.exists() || running.isEmpty()) {
                continue;
            }
            try {
                archive.writeFrom(running.get().pid());
                written++;
            } catch (IOException e) {
                console.accept("no class-data archive for " + running.get().name() + " (its starts stay slower): "
                        + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (written > 0) {
            console.accept(String.format("wrote the class-data archives of %d services in %.0f s; their later starts"
                    + " map them", written, (System.nanoTime() - started) / 1e9));
        }
    }
}
