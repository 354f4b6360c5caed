package dev.kassa.payment.api;

import java.io.IOException;

/** Raised while reading a body that turns out larger than the limit (chunked bodies carry no length). */
public class BodyTooLargeException extends IOException {

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
