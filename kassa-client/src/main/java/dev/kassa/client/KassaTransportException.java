package dev.kassa.client;

/**
 * No answer came: the connection failed or an attempt ran past its timeout, on every attempt the retry policy allowed (a
 * request that is not idempotent is tried once). Whether a POST took effect is unknown; for a checkout or a refund,
 * sending the same request again (same id, same body) is safe and answers its current state.
 */
public class KassaTransportException extends KassaException {

    private final String method;
    private final String path;
    private final int attempts;
    private final boolean timeout;

    public KassaTransportException(String method, String path, int attempts, boolean timeout, Throwable cause) {
        super(method + " " + path + (timeout ? " timed out" : " failed") + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + ": " + cause, cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
        this.timeout = timeout;
    }

    public String method() {
        return method;
    }

    /** The API path, with its query; never the host or the key. */
    public String path() {
        return path;
    }

    public int attempts() {
        return attempts;
    }

    /** Whether the last attempt ran out of time (connecting, or waiting for the answer). */
    public boolean isTimeout() {
        return timeout;
    }
}
