package dev.kassa.schemas.serde;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.KassaSchemas.RecordType;
import dev.kassa.schemas.history.SchemaHistory;
import dev.kassa.schemas.history.SchemaVersion;
import dev.kassa.schemas.serde.UndecodableRecordException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for Kassa events in Avro single-object encoding. The fingerprint selects the
 * writer schema among all released versions; the body is then resolved into the current generated class
 * of the same full name, so one topic can carry several record types and older versions.
 *
 * <p>Anything that is not such a record raises {@link UndecodableRecordException}. Thread-safe: the
 * readers are built once per fingerprint, decoders are reused per thread.
 */
public class KassaAvroDeserializer implements Deserializer<SpecificRecord> {

    private static final ThreadLocal<BoundedBinaryDecoder> DECODERS =
            ThreadLocal.withInitial(BoundedBinaryDecoder::new);

    private final Map<Long, VersionReader> readers;

    /** For Kafka's {@code value.deserializer} configuration: the released schemas on the classpath. */
    public KassaAvroDeserializer() {
        this(KassaSchemas.history());
    }

    public KassaAvroDeserializer(SchemaHistory history) {
        this(history, KassaSchemas.all());
    }

    /** Reads the versions of {@code history} into the classes of {@code currentTypes} (tests, tools). */
    public KassaAvroDeserializer(SchemaHistory history, List<RecordType> currentTypes) {
        Map<String, RecordType> byFullName = new HashMap<>();
        currentTypes.forEach(t -> byFullName.put(t.fullName(), t));
        Map<Long, VersionReader> map = new HashMap<>();
        for (SchemaVersion version : history.versions()) {
            RecordType current = byFullName.get(version.fullName());
            map.putIfAbsent(version.fingerprint(), new VersionReader(version,
                    Optional.ofNullable(current).map(c -> reader(version, c)).orElse(null)));
        }
        this.readers = Map.copyOf(map);
    }

    private static SpecificDatumReader<SpecificRecord> reader(SchemaVersion writer, RecordType current) {
        // The generated class's own model carries its logical-type conversions (timestamp-millis -> Instant).
        return new SpecificDatumReader<>(writer.schema(), current.schema(), SpecificData.getForClass(current.type()));
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new UndecodableRecordException(Reason.EMPTY, "null value on topic " + topic);
        }
        return decode(topic, data, 0, data.length);
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /** Kafka 4 consumers call this one; decoding straight from the buffer's array avoids a copy. */
    @Override
    public SpecificRecord deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            throw new UndecodableRecordException(Reason.EMPTY, "null value on topic " + topic);
        }
        if (data.hasArray()) {
            return decode(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return decode(topic, copy, 0, copy.length);
    }

    /**
     * The released schema version that wrote {@code value}, read from its header only (the body is not
     * decoded): for listing dead letters by record type. Empty when there is no valid header or the
     * fingerprint is unknown.
     */
    public Optional<SchemaVersion> writerVersion(byte[] value) {
        if (value == null || value.length < SingleObjectHeader.LENGTH || !SingleObjectHeader.hasMarker(value, 0)) {
            return Optional.empty();
        }
        VersionReader reader = readers.get(SingleObjectHeader.fingerprint(value, 0));
        return reader == null ? Optional.empty() : Optional.of(reader.writer());
    }

    private SpecificRecord decode(String topic, byte[] data, int offset, int length) {
        if (length == 0) {
            throw new UndecodableRecordException(Reason.EMPTY, "empty value on topic " + topic);
        }
        if (length < SingleObjectHeader.LENGTH) {
            throw new UndecodableRecordException(Reason.TRUNCATED_HEADER, length + " bytes on topic " + topic
                    + ", a single-object header alone takes " + SingleObjectHeader.LENGTH);
        }
        if (!SingleObjectHeader.hasMarker(data, offset)) {
            throw new UndecodableRecordException(Reason.BAD_MARKER, String.format(
                    "value on topic %s starts with %02X %02X, expected C3 01 (Avro single-object encoding)",
                    topic, data[offset], data[offset + 1]));
        }
        long fingerprint = SingleObjectHeader.fingerprint(data, offset);
        VersionReader versionReader = readers.get(fingerprint);
        if (versionReader == null) {
            throw new UndecodableRecordException(Reason.UNKNOWN_FINGERPRINT, "writer schema fingerprint "
                    + SchemaVersion.hex(fingerprint) + " on topic " + topic + " is no released Kassa schema version");
        }
        return versionReader.read(topic, data, offset + SingleObjectHeader.LENGTH, length - SingleObjectHeader.LENGTH);
    }

    /** The reader of one released version, or none when this build has no class for its type. */
    private record VersionReader(SchemaVersion writer, SpecificDatumReader<SpecificRecord> reader) {

        SpecificRecord read(String topic, byte[] data, int offset, int length) {
            if (reader == null) {
                throw new UndecodableRecordException(Reason.NO_CURRENT_TYPE, writer.label() + " (fingerprint "
                        + writer.fingerprintHex() + ") on topic " + topic + " has no generated class "
                        + writer.fullName() + " in this build");
            }
            BoundedBinaryDecoder decoder = DECODERS.get().configure(data, offset, length);
            try {
                SpecificRecord record = reader.read(null, decoder);
                if (!decoder.isEnd()) {
                    throw new UndecodableRecordException(Reason.TRAILING_BYTES, decoder.remaining()
                            + " bytes left after decoding " + writer.label() + " (fingerprint "
                            + writer.fingerprintHex() + ") on topic " + topic);
                }
                return record;
            } catch (IOException | RuntimeException e) {
                if (e instanceof UndecodableRecordException u) {
                    throw u;
                }
                throw new UndecodableRecordException(Reason.BAD_BODY, "cannot decode the body as " + writer.label()
                        + " (fingerprint " + writer.fingerprintHex() + ") on topic " + topic + ": " + e, e);
            } finally {
                decoder.clear();
            }
        }
    }
}
