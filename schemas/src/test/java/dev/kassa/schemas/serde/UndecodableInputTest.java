package dev.kassa.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.history.SchemaHistory;
import dev.kassa.schemas.history.SchemaVersion;
import dev.kassa.schemas.sample.SampleEvents;
import dev.kassa.schemas.serde.UndecodableRecordException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every kind of garbage ends in one exception type with the failed check, never an NPE or EOFException. */
@Tag("fast")
class UndecodableInputTest {

    private static final String TOPIC = "payment.results";

    private final KassaAvroDeserializer deserializer = new KassaAvroDeserializer();
    private final byte[] valid = new KassaAvroSerializer().serialize(TOPIC, SampleEvents.of(PaymentOrderSucceeded.class));

    @Test
    void nullValue() {
        assertUndecodable(null, Reason.EMPTY, "null value on topic payment.results");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new RecordHeaders(), (ByteBuffer) null))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void emptyValue() {
        assertUndecodable(new byte[0], Reason.EMPTY, "empty value");
    }

    @Test
    void shorterThanTheHeader() {
        assertUndecodable(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}, Reason.TRUNCATED_HEADER, "5 bytes");
    }

    @Test
    void wrongMarker() {
        byte[] json = "{\"payment_order_id\":\"po_1\"}".getBytes(StandardCharsets.UTF_8);
        assertUndecodable(json, Reason.BAD_MARKER, "starts with 7B 22, expected C3 01");

        byte[] oldMarker = valid.clone();
        oldMarker[1] = 0x02;
        assertUndecodable(oldMarker, Reason.BAD_MARKER, "starts with C3 02");
    }

    @Test
    void unknownFingerprint() {
        byte[] bytes = valid.clone();
        bytes[2] ^= 0x01;
        long fingerprint = SingleObjectHeader.fingerprint(bytes, 0);

        assertUndecodable(bytes, Reason.UNKNOWN_FINGERPRINT, "fingerprint " + SchemaVersion.hex(fingerprint));
    }

    @Test
    void knownFingerprintWithoutAGeneratedClass() {
        SchemaVersion ghost = SchemaHistory.version("Ghost", 1, SerdeTestSupport.schemaResource("/evolution/Ghost/v1.avsc"));
        List<SchemaVersion> versions = new ArrayList<>(KassaSchemas.history().versions());
        versions.add(ghost);
        KassaAvroDeserializer withGhost = new KassaAvroDeserializer(SchemaHistory.of(versions));
        GenericData.Record record = new GenericData.Record(ghost.schema());
        record.put("event_id", "e1");

        Throwable thrown = catchThrowable(() -> withGhost.deserialize(TOPIC, SerdeTestSupport.singleObject(record)));

        assertThat(thrown).isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("Ghost/v1")
                .hasMessageContaining(ghost.fingerprintHex())
                .hasMessageContaining("no generated class dev.kassa.schemas.event.Ghost");
        assertThat(((UndecodableRecordException) thrown).reason()).isEqualTo(Reason.NO_CURRENT_TYPE);
        // The real types are still readable next to it.
        assertThat(withGhost.deserialize(TOPIC, valid)).isInstanceOf(PaymentOrderSucceeded.class);
    }

    @Test
    void everyTruncationOfAValidRecordIsUndecodable() {
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, prefix))
                    .as("first %d of %d bytes", length, valid.length)
                    .isInstanceOf(UndecodableRecordException.class);
        }
        byte[] bodyCut = Arrays.copyOf(valid, valid.length - 1);
        assertUndecodable(bodyCut, Reason.BAD_BODY, "PaymentOrderSucceeded/v2");
    }

    @Test
    void trailingBytesAfterTheRecord() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 3);

        assertUndecodable(longer, Reason.TRAILING_BYTES, "3 bytes left after decoding PaymentOrderSucceeded/v2");
    }

    @Test
    void aCorruptLengthPrefixDoesNotAllocateWhatItClaims() {
        // Right after the header comes event_id's length: claim ~1 GiB (zig-zag varint of 2^30).
        byte[] bytes = Arrays.copyOf(valid, valid.length);
        byte[] hugeLength = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        byte[] corrupt = new byte[SingleObjectHeader.LENGTH + hugeLength.length + 20];
        System.arraycopy(bytes, 0, corrupt, 0, SingleObjectHeader.LENGTH);
        System.arraycopy(hugeLength, 0, corrupt, SingleObjectHeader.LENGTH, hugeLength.length);

        assertUndecodable(corrupt, Reason.BAD_BODY, "string claims 1073741824 bytes");
    }

    @Test
    void aCorruptArrayCountDoesNotAllocateWhatItClaims() {
        LedgerTransactionRecorded entry = SampleEvents.of(LedgerTransactionRecorded.class);
        entry.setLines(List.of());
        byte[] withoutLines = new KassaAvroSerializer().serialize(TOPIC, entry);
        // lines is the last field; an empty array is the single count byte 0x00 at the very end.
        int countAt = withoutLines.length - 1;
        assertThat(withoutLines[countAt]).isZero();
        byte[] corrupt = Arrays.copyOf(withoutLines, withoutLines.length + 4);
        byte[] count = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}; // zig-zag varint of 2^27
        System.arraycopy(count, 0, corrupt, countAt, count.length);

        assertUndecodable(corrupt, Reason.BAD_BODY, "Block claims 134217728 items");
    }

    @Test
    void randomBodiesBehindAValidHeaderNeverEscapeAsAnotherException() {
        Random random = new Random(20260314);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = Arrays.copyOf(valid, SingleObjectHeader.LENGTH + random.nextInt(120));
            for (int j = SingleObjectHeader.LENGTH; j < bytes.length; j++) {
                bytes[j] = (byte) random.nextInt(256);
            }
            try {
                SpecificRecord record = deserializer.deserialize(TOPIC, bytes);
                assertThat(record).isInstanceOf(PaymentOrderSucceeded.class);
            } catch (UndecodableRecordException expected) {
                assertThat(expected.reason()).isIn(Reason.BAD_BODY, Reason.TRAILING_BYTES);
            }
        }
    }

    @Test
    void namesTheWriterVersionFromTheHeaderAloneEvenWhenTheBodyIsBroken() {
        byte[] bodyCut = Arrays.copyOf(valid, valid.length - 1);

        assertThat(deserializer.writerVersion(bodyCut)).get()
                .extracting(SchemaVersion::label).isEqualTo("PaymentOrderSucceeded/v2");
        assertThat(deserializer.writerVersion(new byte[] {1, 2})).isEmpty();
        assertThat(deserializer.writerVersion(null)).isEmpty();
        byte[] unknown = valid.clone();
        unknown[9] ^= 0x40;
        assertThat(deserializer.writerVersion(unknown)).isEmpty();
    }

    @Test
    void isAKafkaSerializationExceptionSoErrorHandlersTreatItAsPoison() {
        assertThat(new UndecodableRecordException(Reason.EMPTY, "x")).isInstanceOf(SerializationException.class);
    }

    private void assertUndecodable(byte[] bytes, Reason reason, String messagePart) {
        Throwable thrown = catchThrowable(() -> deserializer.deserialize(TOPIC, bytes));
        assertThat(thrown).isInstanceOf(UndecodableRecordException.class).hasMessageContaining(messagePart);
        assertThat(((UndecodableRecordException) thrown).reason()).isEqualTo(reason);

        if (bytes != null) {
            Throwable viaBuffer = catchThrowable(
                    () -> deserializer.deserialize(TOPIC, new RecordHeaders(), ByteBuffer.wrap(bytes)));
            assertThat(viaBuffer).isInstanceOf(UndecodableRecordException.class).hasMessage(thrown.getMessage());
        }
    }
}
