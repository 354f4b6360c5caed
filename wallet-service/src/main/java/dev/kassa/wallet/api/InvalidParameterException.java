package dev.kassa.wallet.api;

/** A request parameter the API refuses: answered as a 400 problem detail naming the field and the reason. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
