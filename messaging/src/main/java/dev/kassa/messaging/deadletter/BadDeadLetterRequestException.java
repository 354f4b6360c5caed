package dev.kassa.messaging.deadletter;

/** An admin request that cannot be served as asked; answered as an RFC 9457 problem naming the field. */
class BadDeadLetterRequestException extends RuntimeException {

    private final String field;

    BadDeadLetterRequestException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
