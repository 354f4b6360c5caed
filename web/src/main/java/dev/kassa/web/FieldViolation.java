package dev.kassa.web;

/**
 * One reason a request was refused: the field as the client wrote it ({@code payment_orders[0].amount}, a
 * query parameter such as {@code limit}, or {@code body} for the body as a whole) and why.
 */
public record FieldViolation(String field, String reason) {
}
