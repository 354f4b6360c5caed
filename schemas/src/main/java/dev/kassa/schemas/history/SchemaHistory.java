package dev.kassa.schemas.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every record schema, the way old records stay readable without a registry
 * server: a reader finds the writer schema of a record by its fingerprint here.
 *
 * <p>Loading never rejects a problem that {@link SchemaHistoryCheck} reports (so the check can list all
 * of them); a fingerprint shared by two versions resolves to the first loaded.
 */
public final class SchemaHistory implements SchemaStore {

    /** Where released versions live on the classpath and in {@code src/main/resources}. */
    public static final String CLASSPATH_ROOT = "avro-history";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private final List<SchemaVersion> versions;
    private final Map<Long, SchemaVersion> byFingerprint;

    private SchemaHistory(List<SchemaVersion> versions) {
        this.versions = versions.stream()
                .sorted(Comparator.comparing(SchemaVersion::name).thenComparingInt(SchemaVersion::version))
                .toList();
        Map<Long, SchemaVersion> map = new HashMap<>();
        for (SchemaVersion v : this.versions) {
            map.putIfAbsent(v.fingerprint(), v);
        }
        this.byFingerprint = Map.copyOf(map);
    }

    /**
     * Loads {@code avro-history/<name>/v1.avsc, v2.avsc, ...} from the classpath for each name, stopping at
     * the first missing version. Class-path resources cannot be listed portably, so the names come from the
     * caller (the record types this jar knows, see {@code KassaSchemas}).
     */
    public static SchemaHistory fromClasspath(ClassLoader loader, Collection<String> names) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (String name : names) {
            for (int v = 1; ; v++) {
                String resource = CLASSPATH_ROOT + "/" + name + "/v" + v + ".avsc";
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        if (v == 1) {
                            throw new IllegalStateException("No released schema for " + name + ": " + resource
                                    + " is missing from the classpath");
                        }
                        break;
                    }
                    versions.add(version(name, v, new Schema.Parser().parse(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + resource, e);
                }
            }
        }
        return new SchemaHistory(versions);
    }

    /**
     * Loads every {@code <name>/v<n>.avsc} below a directory (e.g. {@code src/main/resources/avro-history}).
     * Files that do not follow the naming are an error, so a typo cannot hide a version from the checks.
     */
    public static SchemaHistory fromDirectory(Path root) {
        List<SchemaVersion> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("Unexpected file in schema history: " + dir);
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                        if (!m.matches()) {
                            throw new IllegalStateException("Schema history file must be named v<N>.avsc: " + file);
                        }
                        Schema schema = new Schema.Parser().parse(file.toFile());
                        versions.add(version(dir.getFileName().toString(), Integer.parseInt(m.group(1)), schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema history " + root, e);
        }
        return new SchemaHistory(versions);
    }

    /** A history built from given versions (tests, tools). */
    public static SchemaHistory of(List<SchemaVersion> versions) {
        return new SchemaHistory(versions);
    }

    public static SchemaVersion version(String name, int version, Schema schema) {
        return new SchemaVersion(name, version, schema, SchemaNormalization.parsingFingerprint64(schema));
    }

    /** All versions, ordered by name, then version. */
    public List<SchemaVersion> versions() {
        return versions;
    }

    /** The versions of one record (by directory name), oldest first. */
    public List<SchemaVersion> versionsOf(String name) {
        return versions.stream().filter(v -> v.name().equals(name)).toList();
    }

    /** The released version a fingerprint belongs to, or null. */
    public SchemaVersion versionByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        SchemaVersion v = byFingerprint.get(fingerprint);
        return v == null ? null : v.schema();
    }
}
