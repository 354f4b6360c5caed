package dev.kassa.schemas.history;

import java.util.HexFormat;
import org.apache.avro.Schema;

/**
 * One released version of one record schema: {@code avro-history/<name>/v<version>.avsc}.
 *
 * @param name        the directory name, which is the record's simple name
 * @param version     1, 2, ...
 * @param schema      the parsed schema
 * @param fingerprint CRC-64-AVRO of the parsing canonical form, as written in single-object encoding
 */
public record SchemaVersion(String name, int version, Schema schema, long fingerprint) {

    public String fullName() {
        return schema.getFullName();
    }

    /** {@code Name/vN} for messages. */
    public String label() {
        return name + "/v" + version;
    }

    public String fingerprintHex() {
        return hex(fingerprint);
    }

    /** A fingerprint as 16 hex digits, big-endian (the order a human compares). */
    public static String hex(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint);
    }
}
