package dev.kassa.schemas.serde;

import dev.kassa.schemas.sample.SampleEvents;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;

/**
 * Prints serializer and deserializer throughput for a mix of every event type, one thread. Run with
 * {@code ./mvnw -B -q -f schemas/pom.xml test-compile exec:java
 * -Dexec.mainClass=dev.kassa.schemas.serde.SerdeBenchmark -Dexec.classpathScope=test}.
 */
public final class SerdeBenchmark {

    private static final int WARMUP = 300_000;
    private static final int MEASURED = 1_000_000;

    private SerdeBenchmark() {
    }

    public static void main(String[] args) {
        List<SpecificRecord> records = SampleEvents.all();
        KassaAvroSerializer serializer = new KassaAvroSerializer();
        KassaAvroDeserializer deserializer = new KassaAvroDeserializer();
        byte[][] encoded = records.stream().map(r -> serializer.serialize("bench", r)).toArray(byte[][]::new);
        long totalBytes = 0;
        for (byte[] bytes : encoded) {
            totalBytes += bytes.length;
        }

        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += serializer.serialize("bench", records.get(i % records.size())).length;
            sink += deserializer.deserialize("bench", encoded[i % encoded.length]).hashCode();
        }

        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += serializer.serialize("bench", records.get(i % records.size())).length;
        }
        double serializeSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += deserializer.deserialize("bench", encoded[i % encoded.length]).getSchema().getFields().size();
        }
        double deserializeSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "record mix: %d types, %.0f bytes per record on average%n",
                records.size(), (double) totalBytes / encoded.length);
        System.out.printf(Locale.ROOT, "serialize:   %,.0f records/s (one thread)%n", MEASURED / serializeSeconds);
        System.out.printf(Locale.ROOT, "deserialize: %,.0f records/s (one thread)%n", MEASURED / deserializeSeconds);
        System.out.println("(checksum " + sink + ")");
    }
}
