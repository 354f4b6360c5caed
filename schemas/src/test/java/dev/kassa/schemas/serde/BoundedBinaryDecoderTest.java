package dev.kassa.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our decoder must read exactly what Avro's own encoder writes, and skip it exactly too. */
@Tag("fast")
class BoundedBinaryDecoderTest {

    private static final int[] INTS = {0, 1, -1, 63, -64, 64, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONGS = {0, 1, -1, 1L << 40, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void readsEveryPrimitiveAsAvroWroteIt() throws IOException {
        byte[] bytes = encode(e -> {
            for (int i : INTS) {
                e.writeInt(i);
            }
            for (long l : LONGS) {
                e.writeLong(l);
            }
            e.writeFloat(-1.5f);
            e.writeDouble(Math.PI);
            e.writeBoolean(true);
            e.writeBoolean(false);
            e.writeString("Zürich €");
            e.writeString(new Utf8("utf8"));
            e.writeBytes(new byte[] {1, 2, 3});
            e.writeFixed(new byte[] {9, 8});
            e.writeEnum(3);
            e.writeIndex(1);
        });
        BoundedBinaryDecoder d = new BoundedBinaryDecoder().configure(bytes, 0, bytes.length);

        for (int i : INTS) {
            assertThat(d.readInt()).isEqualTo(i);
        }
        for (long l : LONGS) {
            assertThat(d.readLong()).isEqualTo(l);
        }
        assertThat(d.readFloat()).isEqualTo(-1.5f);
        assertThat(d.readDouble()).isEqualTo(Math.PI);
        assertThat(d.readBoolean()).isTrue();
        assertThat(d.readBoolean()).isFalse();
        assertThat(d.readString()).isEqualTo("Zürich €");
        assertThat(d.readString(new Utf8("a much longer old value")).toString()).isEqualTo("utf8");
        assertThat(d.readBytes(null)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        byte[] fixed = new byte[2];
        d.readFixed(fixed);
        assertThat(fixed).containsExactly(9, 8);
        assertThat(d.readEnum()).isEqualTo(3);
        assertThat(d.readIndex()).isEqualTo(1);
        assertThat(d.isEnd()).isTrue();
    }

    @Test
    void skipsStringsBytesAndFixedToTheExactNextValue() throws IOException {
        byte[] bytes = encode(e -> {
            e.writeString("skip me");
            e.writeBytes(new byte[] {1, 2, 3, 4});
            e.writeFixed(new byte[] {5, 6, 7});
            e.writeLong(42);
        });
        BoundedBinaryDecoder d = new BoundedBinaryDecoder().configure(bytes, 0, bytes.length);

        d.skipString();
        d.skipBytes();
        d.skipFixed(3);

        assertThat(d.readLong()).isEqualTo(42);
        assertThat(d.isEnd()).isTrue();
    }

    @Test
    void readsAndSkipsArraysAndMapsWrittenInSizedBlocks() throws IOException {
        // The blocking encoder writes negative counts followed by the block's byte size.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().blockingBinaryEncoder(out, null);
        for (int round = 0; round < 2; round++) {
            e.writeArrayStart();
            e.setItemCount(3);
            for (int i = 0; i < 3; i++) {
                e.startItem();
                e.writeString("line-" + i);
            }
            e.writeArrayEnd();
            e.writeMapStart();
            e.setItemCount(1);
            e.startItem();
            e.writeString("k");
            e.writeLong(7);
            e.writeMapEnd();
        }
        e.writeLong(99);
        e.flush();
        byte[] bytes = out.toByteArray();
        BoundedBinaryDecoder d = new BoundedBinaryDecoder().configure(bytes, 0, bytes.length);

        int items = 0;
        for (long n = d.readArrayStart(); n > 0; n = d.arrayNext()) {
            for (long i = 0; i < n; i++) {
                assertThat(d.readString()).isEqualTo("line-" + items++);
            }
        }
        assertThat(items).isEqualTo(3);
        assertThat(d.readMapStart()).isEqualTo(1);
        assertThat(d.readString()).isEqualTo("k");
        assertThat(d.readLong()).isEqualTo(7);
        assertThat(d.mapNext()).isZero();

        assertThat(d.skipArray()).isZero();
        assertThat(d.skipMap()).isZero();
        assertThat(d.readLong()).isEqualTo(99);
        assertThat(d.isEnd()).isTrue();
    }

    @Test
    void decodesOnlyItsSliceOfALargerArray() throws IOException {
        byte[] value = encode(e -> e.writeString("inside"));
        byte[] framed = new byte[value.length + 4];
        System.arraycopy(value, 0, framed, 2, value.length);
        framed[framed.length - 1] = 0x7F;

        BoundedBinaryDecoder d = new BoundedBinaryDecoder().configure(framed, 2, value.length);

        assertThat(d.readString()).isEqualTo("inside");
        assertThat(d.isEnd()).isTrue();
        assertThatThrownBy(d::readInt).isInstanceOf(EOFException.class);
    }

    @Test
    void rejectsOverlongVarintsNegativeLengthsAndNonBooleanBytes() {
        byte[] sixByteInt = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> decoder(sixByteInt).readInt()).hasMessageContaining("Invalid int encoding");

        byte[] elevenByteLong = new byte[11];
        java.util.Arrays.fill(elevenByteLong, (byte) 0x80);
        assertThatThrownBy(() -> decoder(elevenByteLong).readLong()).hasMessageContaining("Invalid long encoding");

        byte[] negativeLength = {0x01}; // zig-zag -1
        assertThatThrownBy(() -> decoder(negativeLength).readString()).hasMessageContaining("Negative string length");

        assertThatThrownBy(() -> decoder(new byte[] {2}).readBoolean()).hasMessageContaining("Invalid boolean");
        assertThatThrownBy(() -> decoder(new byte[] {1, 2, 3}).readDouble()).isInstanceOf(EOFException.class);
    }

    private static BoundedBinaryDecoder decoder(byte[] bytes) {
        return new BoundedBinaryDecoder().configure(bytes, 0, bytes.length);
    }

    private interface Writes {
        void to(BinaryEncoder encoder) throws IOException;
    }

    private static byte[] encode(Writes writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writes.to(encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
