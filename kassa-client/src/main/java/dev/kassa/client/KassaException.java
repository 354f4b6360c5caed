package dev.kassa.client;

/**
 * Every failure of a {@link KassaClient} call: {@link KassaApiException} when payment-service answered with an error,
 * {@link KassaTransportException} when no answer came, {@link AwaitTimeoutException} when a wait ran out, and this class
 * itself for an answer the client could not read. Unchecked; no message ever holds the API key.
 */
public class KassaException extends RuntimeException {

    public KassaException(String message) {
        super(message);
    }

    public KassaException(String message, Throwable cause) {
        super(message, cause);
    }
}
