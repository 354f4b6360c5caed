package dev.kassa.schemas.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The rules that keep old records readable without a registry server (docs/architecture.md §3). Run by this module's
 * tests, so a violation fails the build:
 * <ul>
 *   <li>every current schema has released versions v1..vN, and vN has the same content as the current
 *       {@code .avsc} (a changed schema needs a new history version);</li>
 *   <li>the current schema can read every released version ({@link SchemaCompatibility});</li>
 *   <li>no two versions share a fingerprint: the fingerprint ignores defaults, docs and logical types, so
 *       two versions differing only there would be indistinguishable on the wire.</li>
 * </ul>
 */
public final class SchemaHistoryCheck {

    private SchemaHistoryCheck() {
    }

    /** Fails with every problem listed, or returns quietly. */
    public static void verify(SchemaHistory history, Map<String, Schema> currentByName) {
        List<String> problems = problems(history, currentByName);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Schema history check failed:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * Every rule violation, as messages naming the record, version and fingerprint.
     *
     * @param currentByName the current schemas as written in the {@code .avsc} sources, by simple name
     */
    public static List<String> problems(SchemaHistory history, Map<String, Schema> currentByName) {
        List<String> problems = new ArrayList<>();
        Map<String, List<SchemaVersion>> byName = history.versions().stream()
                .collect(Collectors.groupingBy(SchemaVersion::name, TreeMap::new, Collectors.toList()));
        TreeSet<String> names = new TreeSet<>(byName.keySet());
        names.addAll(currentByName.keySet());
        for (String name : names) {
            checkRecord(name, currentByName.get(name), byName.getOrDefault(name, List.of()), problems);
        }
        checkFingerprints(history, problems);
        return problems;
    }

    /** Parses every {@code <Name>.avsc} of a source directory such as {@code src/main/avro}. */
    public static Map<String, Schema> currentSchemas(Path avroSourceDir) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(avroSourceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                Schema schema = new Schema.Parser().parse(file.toFile());
                schemas.put(schema.getName(), schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + avroSourceDir, e);
        }
        return schemas;
    }

    private static void checkRecord(String name, Schema current, List<SchemaVersion> versions, List<String> problems) {
        if (current == null) {
            problems.add("avro-history/" + name + " has no current schema " + name + ".avsc");
            return;
        }
        if (versions.isEmpty()) {
            problems.add(name + " has no released version: copy " + name + ".avsc to avro-history/" + name
                    + "/v1.avsc");
            return;
        }
        for (int i = 0; i < versions.size(); i++) {
            SchemaVersion v = versions.get(i);
            if (v.version() != i + 1) {
                problems.add(name + " versions must be v1..vN without gaps, found v" + v.version()
                        + " where v" + (i + 1) + " belongs");
                break;
            }
        }
        for (SchemaVersion v : versions) {
            if (!v.schema().getName().equals(name)) {
                problems.add(v.label() + " defines record " + v.schema().getName() + ", not " + name);
            }
            if (!v.fullName().equals(current.getFullName())) {
                problems.add(v.label() + " is " + v.fullName() + " but the current schema is "
                        + current.getFullName() + "; the reader finds the current class by full name");
            }
            checkReadable(current, v, problems);
        }
        SchemaVersion newest = versions.getLast();
        if (!sameContent(newest.schema(), current)) {
            problems.add(name + ".avsc differs from its newest released version " + newest.label()
                    + ": a changed schema is a new version, add it as avro-history/" + name + "/v"
                    + (newest.version() + 1) + ".avsc");
        }
    }

    private static void checkReadable(Schema current, SchemaVersion writer, List<String> problems) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer.schema()).getResult();
        if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
            String why = result.getIncompatibilities().stream()
                    .map(SchemaHistoryCheck::describe)
                    .collect(Collectors.joining("; "));
            problems.add("current " + writer.name() + " cannot read records written with " + writer.label()
                    + " (fingerprint " + writer.fingerprintHex() + "): " + why);
        }
    }

    private static String describe(Incompatibility incompatibility) {
        return incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")";
    }

    private static void checkFingerprints(SchemaHistory history, List<String> problems) {
        Map<Long, List<SchemaVersion>> byFingerprint = history.versions().stream()
                .collect(Collectors.groupingBy(SchemaVersion::fingerprint, LinkedHashMap::new, Collectors.toList()));
        for (List<SchemaVersion> shared : byFingerprint.values()) {
            for (int i = 1; i < shared.size(); i++) {
                SchemaVersion first = shared.getFirst();
                SchemaVersion other = shared.get(i);
                if (sameContent(first.schema(), other.schema())) {
                    problems.add(other.label() + " is identical to " + first.label() + " (fingerprint "
                            + first.fingerprintHex() + "): drop the duplicate version");
                } else {
                    problems.add(first.label() + " and " + other.label() + " differ but share fingerprint "
                            + first.fingerprintHex() + " (they differ only in defaults, docs, logical types or"
                            + " other attributes the parsing canonical form ignores), so a reader cannot tell"
                            + " which one wrote a record: change the fields, or keep one of them");
                }
            }
        }
    }

    /** Full JSON form: unlike the fingerprint it includes defaults, docs, logical types and properties. */
    private static boolean sameContent(Schema a, Schema b) {
        return a.toString().equals(b.toString());
    }
}
