package dev.kassa.web;

import java.io.IOException;

/**
 * Raised while reading a body that turns out larger than the limit (a chunked body carries no length). An
 * {@link IOException}, so that it surfaces through whichever reader was consuming the body.
 */
public class BodyTooLargeException extends IOException {

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The size limit that {@code error} or one of its causes ran into, if any. */
    public static BodyTooLargeException in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
