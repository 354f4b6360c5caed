package dev.kassa.ledger.web;

/** One reason a request was refused, naming the parameter ({@code limit}, {@code account_id}). */
public record FieldViolation(String field, String reason) {
}
