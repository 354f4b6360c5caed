package dev.kassa.schemas.serde;

/**
 * Avro single-object encoding header: marker {@code C3 01}, then the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema (Avro specification, "Single-object encoding").
 */
final class SingleObjectHeader {

    static final byte MARKER_0 = (byte) 0xC3;
    static final byte MARKER_1 = (byte) 0x01;
    static final int LENGTH = 10;

    private SingleObjectHeader() {
    }

    static byte[] of(long fingerprint) {
        byte[] header = new byte[LENGTH];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    static boolean hasMarker(byte[] data, int offset) {
        return data[offset] == MARKER_0 && data[offset + 1] == MARKER_1;
    }

    static long fingerprint(byte[] data, int offset) {
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) {
            fingerprint = (fingerprint << 8) | (data[offset + 2 + i] & 0xFFL);
        }
        return fingerprint;
    }
}
