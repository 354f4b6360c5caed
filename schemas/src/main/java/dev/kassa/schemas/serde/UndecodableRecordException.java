package dev.kassa.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception for bytes that are not a readable Kassa record. It is not retryable: the messaging
 * layer sends such a record straight to the consumer group's dead-letter topic.
 */
public class UndecodableRecordException extends SerializationException {

    /** Which check failed, for metrics and dead-letter listings. */
    public enum Reason {
        /** null or zero-length value (Kassa topics carry no tombstones). */
        EMPTY,
        /** Fewer bytes than the 10-byte single-object header. */
        TRUNCATED_HEADER,
        /** The first two bytes are not the single-object marker {@code C3 01}. */
        BAD_MARKER,
        /** No released schema version has the writer fingerprint. */
        UNKNOWN_FINGERPRINT,
        /** The writer schema is known, but this build has no generated class of that name to read into. */
        NO_CURRENT_TYPE,
        /** The body does not decode with the writer schema (truncated, corrupt, or incompatible). */
        BAD_BODY,
        /** The body decoded, but bytes were left over: the header and the body do not belong together. */
        TRAILING_BYTES
    }

    private final Reason reason;

    public UndecodableRecordException(Reason reason, String message) {
        this(reason, message, null);
    }

    public UndecodableRecordException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
