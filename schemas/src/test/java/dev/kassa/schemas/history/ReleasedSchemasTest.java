package dev.kassa.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.KassaSchemas.RecordType;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time gate on the real schemas: a schema change without a compatible new history version, or a
 * type missing from the registry, fails {@code verify}.
 */
@Tag("fast")
class ReleasedSchemasTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/main/resources", SchemaHistory.CLASSPATH_ROOT);

    @Test
    void historyOfTheSourceTreePassesTheCheck() {
        SchemaHistoryCheck.verify(SchemaHistory.fromDirectory(HISTORY), SchemaHistoryCheck.currentSchemas(SOURCES));
    }

    @Test
    void registrySourcesAndHistoryNameTheSameTypes() {
        var registered = KassaSchemas.all().stream().map(RecordType::name).sorted().toList();

        assertThat(SchemaHistoryCheck.currentSchemas(SOURCES).keySet()).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(SchemaHistory.fromDirectory(HISTORY).versions().stream().map(SchemaVersion::name).distinct())
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void classpathHistoryHoldsEveryVersionOfTheSourceTree() {
        var onDisk = SchemaHistory.fromDirectory(HISTORY).versions().stream()
                .map(v -> v.label() + "=" + v.fingerprintHex()).toList();

        assertThat(KassaSchemas.history().versions().stream().map(v -> v.label() + "=" + v.fingerprintHex()))
                .containsExactlyElementsOf(onDisk);
    }

    static Stream<RecordType> recordTypes() {
        return KassaSchemas.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void generatedClassWritesTheNewestReleasedVersion(RecordType type) {
        var versions = KassaSchemas.history().versionsOf(type.name());

        assertThat(versions).isNotEmpty();
        assertThat(type.fingerprint()).isEqualTo(versions.getLast().fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void everyRecordStartsWithEventIdAndOccurredAt(RecordType type) {
        Field eventId = type.schema().getFields().get(0);
        Field occurredAt = type.schema().getFields().get(1);

        assertThat(eventId.name()).isEqualTo("event_id");
        assertThat(eventId.schema().getType()).isEqualTo(Type.STRING);
        assertThat(occurredAt.name()).isEqualTo("occurred_at");
        assertThat(occurredAt.schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void nullableFieldsPutNullFirstAndDefaultToNull(RecordType type) {
        for (Field field : type.schema().getFields()) {
            if (field.schema().getType() == Type.UNION) {
                assertThat(field.schema().getTypes().getFirst().getType()).as(field.name()).isEqualTo(Type.NULL);
                assertThat(field.hasDefaultValue()).as(field.name()).isTrue();
                assertThat(field.defaultVal()).as(field.name()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void moneyIsMinorUnitsAndNeverAFloatingPointNumber(RecordType type) {
        assertThat(allFields(type.schema()))
                .noneMatch(e -> e.getValue().getType() == Type.FLOAT || e.getValue().getType() == Type.DOUBLE);
        assertThat(allFields(type.schema()))
                .filteredOn(e -> e.getKey().endsWith("_minor"))
                .allMatch(e -> e.getValue().getType() == Type.LONG);
    }

    /** Every field of a record and of records nested in it (arrays, unions), by name. */
    private static Stream<Map.Entry<String, Schema>> allFields(Schema record) {
        return record.getFields().stream().flatMap(f -> Stream.concat(
                Stream.of(Map.entry(f.name(), f.schema())), nested(f.schema())));
    }

    private static Stream<Map.Entry<String, Schema>> nested(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> allFields(schema);
            case ARRAY -> nested(schema.getElementType());
            case UNION -> schema.getTypes().stream().flatMap(ReleasedSchemasTest::nested);
            default -> Stream.empty();
        };
    }
}
