package dev.kassa.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoder over one byte-array slice that checks every length against the bytes that are left
 * before allocating. Avro's own BinaryDecoder allocates a string or array of the size a (possibly corrupt)
 * length prefix claims, so a few garbage bytes can ask for gigabytes; here they end in an EOFException.
 *
 * <p>Array and map item counts are bounded by the remaining bytes too: every item of a Kassa schema
 * (records, strings, longs, enums) takes at least one byte. Not thread-safe; reuse per thread.
 */
final class BoundedBinaryDecoder extends Decoder {

    private byte[] buf;
    private int pos;
    private int limit;

    BoundedBinaryDecoder configure(byte[] data, int offset, int length) {
        this.buf = data;
        this.pos = offset;
        this.limit = offset + length;
        return this;
    }

    /** Releases the reference to the last input so a pooled decoder does not keep it alive. */
    void clear() {
        buf = null;
        pos = 0;
        limit = 0;
    }

    boolean isEnd() {
        return pos == limit;
    }

    int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = nextByte();
        if (b > 1) {
            throw new IOException("Invalid boolean byte " + b);
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        int raw = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = nextByte();
            raw |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("Invalid int encoding (more than 5 bytes)");
    }

    @Override
    public long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = nextByte();
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("Invalid long encoding (more than 10 bytes)");
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = (bits << 8) | (buf[pos + i] & 0xFFL);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength("string");
        String result = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        int length = readLength("string"); // read first: "pos += readLength()" would add to the old pos
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength("bytes");
        ByteBuffer result = old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = readLength("bytes"); // read first: "pos += readLength()" would add to the old pos
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block's item count; a negative count is followed by the block's byte size, which we do not need. */
    private long readItemCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            readLong();
            count = -count;
        }
        if (count > remaining()) {
            throw new EOFException("Block claims " + count + " items, only " + remaining() + " bytes left");
        }
        return count;
    }

    /** Skips blocks that carry their byte size; returns the item count of the first block that does not. */
    private long skipBlocks() throws IOException {
        long count = readLong();
        while (count < 0) {
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new EOFException("Block claims " + size + " bytes, only " + remaining() + " left");
            }
            pos += (int) size;
            count = readLong();
        }
        if (count > remaining()) {
            throw new EOFException("Block claims " + count + " items, only " + remaining() + " bytes left");
        }
        return count;
    }

    private int readLength(String what) throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new IOException("Negative " + what + " length " + length);
        }
        if (length > remaining()) {
            throw new EOFException(what + " claims " + length + " bytes, only " + remaining() + " left");
        }
        return (int) length;
    }

    private int nextByte() throws EOFException {
        if (pos >= limit) {
            throw new EOFException("Unexpected end of record");
        }
        return buf[pos++] & 0xFF;
    }

    private void require(int length) throws EOFException {
        if (length < 0 || length > remaining()) {
            throw new EOFException("Needs " + length + " bytes, only " + remaining() + " left");
        }
    }
}
