package dev.kassa.schemas.serde;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.history.SchemaHistory;
import dev.kassa.schemas.history.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for Kassa events: Avro single-object encoding of the record's own (current)
 * schema. Only schemas that are a released version in {@code avro-history/} are written, so every record
 * on a topic is one that readers can resolve. Thread-safe.
 */
public class KassaAvroSerializer implements Serializer<SpecificRecord> {

    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

    private final SchemaHistory history;
    private final ConcurrentHashMap<Class<?>, TypeWriter> writers = new ConcurrentHashMap<>();

    /** For Kafka's {@code value.serializer} configuration: the released schemas on the classpath. */
    public KassaAvroSerializer() {
        this(KassaSchemas.history());
    }

    public KassaAvroSerializer(SchemaHistory history) {
        this.history = history;
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            throw new SerializationException("Kassa topics carry no null values (no tombstones); topic " + topic);
        }
        TypeWriter writer = writers.computeIfAbsent(record.getClass(), type -> typeWriter(type, record.getSchema()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(writer.header());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, ENCODERS.get());
        ENCODERS.set(encoder);
        try {
            writer.datumWriter().write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Typically a required field left null: name the type so the producer's bug is obvious.
            throw new SerializationException("Cannot encode " + record.getSchema().getFullName() + " for topic "
                    + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private TypeWriter typeWriter(Class<?> type, Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        SchemaVersion released = history.versionByFingerprint(fingerprint);
        if (released == null || !released.fullName().equals(schema.getFullName())) {
            throw new SerializationException("Schema of " + schema.getFullName() + " (fingerprint "
                    + SchemaVersion.hex(fingerprint) + ") is not a released version: add it as avro-history/"
                    + schema.getName() + "/v<N>.avsc and register the type in KassaSchemas");
        }
        DatumWriter<SpecificRecord> datumWriter = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
        return new TypeWriter(SingleObjectHeader.of(fingerprint), datumWriter);
    }

    private record TypeWriter(byte[] header, DatumWriter<SpecificRecord> datumWriter) {
    }
}
