package dev.kassa.payment.api;

/** One reason a request was refused, naming the JSON field ({@code payment_orders[0].amount}). */
public record FieldViolation(String field, String reason) {
}
