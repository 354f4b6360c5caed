package dev.kassa.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The check must reject what would make old records unreadable, and accept a proper evolution. */
@Tag("fast")
class SchemaHistoryCheckTest {

    @Test
    void acceptsAFieldAddedWithADefault() {
        assertThat(problems("valid")).isEmpty();
    }

    @Test
    void rejectsAVersionThatCannotReadThePreviousOne() {
        List<String> problems = problems("incompatible");

        assertThat(problems).singleElement().asString()
                .contains("current Thing cannot read records written with Thing/v1")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("currency");
        assertThatThrownBy(() -> SchemaHistoryCheck.verify(history("incompatible"), current("incompatible")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Thing/v1");
    }

    @Test
    void rejectsTwoVersionsThatDifferOnlyInADefaultAndSoShareAFingerprint() {
        SchemaHistory history = history("fingerprint-collision");
        List<SchemaVersion> versions = history.versionsOf("Thing");
        assertThat(versions.get(0).fingerprint()).isEqualTo(versions.get(1).fingerprint());

        assertThat(problems("fingerprint-collision")).singleElement().asString()
                .contains("Thing/v1 and Thing/v2 differ but share fingerprint " + versions.get(0).fingerprintHex());
    }

    @Test
    void rejectsAChangedSchemaWithoutANewHistoryVersion() {
        assertThat(problems("unreleased")).singleElement().asString()
                .contains("Thing.avsc differs from its newest released version Thing/v1")
                .contains("avro-history/Thing/v2.avsc");
    }

    @Test
    void rejectsAnIdenticalDuplicateVersion() {
        Schema v1 = current("valid").get("Thing");
        SchemaHistory history = SchemaHistory.of(List.of(
                SchemaHistory.version("Thing", 1, v1), SchemaHistory.version("Thing", 2, v1)));

        assertThat(SchemaHistoryCheck.problems(history, Map.of("Thing", v1)))
                .singleElement().asString().contains("Thing/v2 is identical to Thing/v1");
    }

    @Test
    void rejectsGapsMissingHistoryAndHistoryWithoutCurrentSchema() {
        Schema thing = current("valid").get("Thing");
        Schema other = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"dev.kassa.test\",\"fields\":[]}");
        SchemaHistory history = SchemaHistory.of(List.of(
                SchemaHistory.version("Thing", 2, thing),
                SchemaHistory.version("Ghost", 1, other)));

        assertThat(SchemaHistoryCheck.problems(history, Map.of("Thing", thing, "Other", other)))
                .anySatisfy(p -> assertThat(p).contains("Thing versions must be v1..vN without gaps"))
                .anySatisfy(p -> assertThat(p).contains("avro-history/Ghost has no current schema"))
                .anySatisfy(p -> assertThat(p).contains("Other has no released version"));
    }

    @Test
    void rejectsAVersionOfAnotherRecordName() {
        Schema thing = current("valid").get("Thing");
        Schema renamed = new Schema.Parser().parse(thing.toString().replace("\"Thing\"", "\"Renamed\""));
        SchemaHistory history = SchemaHistory.of(List.of(SchemaHistory.version("Thing", 1, renamed),
                SchemaHistory.version("Thing", 2, thing)));

        assertThat(SchemaHistoryCheck.problems(history, Map.of("Thing", thing)))
                .anySatisfy(p -> assertThat(p).contains("Thing/v1 defines record Renamed, not Thing"));
    }

    private static List<String> problems(String dataSet) {
        return SchemaHistoryCheck.problems(history(dataSet), current(dataSet));
    }

    private static SchemaHistory history(String dataSet) {
        return SchemaHistory.fromDirectory(resource(dataSet).resolve("history"));
    }

    private static Map<String, Schema> current(String dataSet) {
        return SchemaHistoryCheck.currentSchemas(resource(dataSet).resolve("current"));
    }

    private static Path resource(String dataSet) {
        try {
            return Path.of(SchemaHistoryCheckTest.class.getResource("/history-check/" + dataSet).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
