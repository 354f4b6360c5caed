package dev.kassa.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.KassaSchemas.RecordType;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.sample.SampleEvents;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RoundTripTest {

    private final KassaAvroSerializer serializer = new KassaAvroSerializer();
    private final KassaAvroDeserializer deserializer = new KassaAvroDeserializer();

    static Stream<RecordType> recordTypes() {
        return KassaSchemas.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void everyRecordTypeSurvivesARoundTripAsItsOwnClass(RecordType type) {
        SpecificRecord original = SampleEvents.of(type.type());

        byte[] bytes = serializer.serialize("payment.results", original);
        SpecificRecord decoded = deserializer.deserialize("payment.results", bytes);

        assertThat(decoded).isInstanceOf(type.type()).isEqualTo(original);
        assertThat(decoded.get(decoded.getSchema().getField("event_id").pos()))
                .isEqualTo(original.get(original.getSchema().getField("event_id").pos()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void bytesStartWithTheSingleObjectHeaderOfTheCurrentSchema(RecordType type) {
        byte[] bytes = serializer.serialize("t", SampleEvents.of(type.type()));

        long fingerprint = SchemaNormalization.parsingFingerprint64(type.schema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(SingleObjectHeader.fingerprint(bytes, 0)).isEqualTo(fingerprint);
        // Little-endian: the lowest byte of the fingerprint comes first.
        assertThat(bytes[2]).isEqualTo((byte) fingerprint);
    }

    @Test
    void avroOwnSingleObjectDecoderReadsOurBytes() throws Exception {
        PaymentOrderFailed failed = SampleEvents.of(PaymentOrderFailed.class);

        byte[] bytes = serializer.serialize("t", failed);

        assertThat(PaymentOrderFailed.fromByteBuffer(ByteBuffer.wrap(bytes))).isEqualTo(failed);
    }

    @Test
    void readsFromAByteBufferSliceWithoutCopyingOrOverrunning() {
        LedgerTransactionRecorded entry = SampleEvents.of(LedgerTransactionRecorded.class);
        byte[] bytes = serializer.serialize("t", entry);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(padded, 3, bytes.length).slice();

        SpecificRecord decoded = deserializer.deserialize("t", new RecordHeaders(), slice);

        assertThat(decoded).isEqualTo(entry);
    }

    @Test
    void oneSerializerAndDeserializerPairIsSafeToShareBetweenThreads() throws Exception {
        List<SpecificRecord> samples = SampleEvents.all();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 2_000; i++) {
                        SpecificRecord original = samples.get((i + offset) % samples.size());
                        assertThat(deserializer.deserialize("t", serializer.serialize("t", original))).isEqualTo(original);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2_000);
            }
        }
    }
}
