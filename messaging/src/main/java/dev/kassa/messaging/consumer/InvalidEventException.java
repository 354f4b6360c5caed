package dev.kassa.messaging.consumer;

/**
 * Thrown by a handler for an event whose content can never be handled. Not retried: the record goes
 * straight to the consumer group's dead-letter topic, where an operator can inspect and replay it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
