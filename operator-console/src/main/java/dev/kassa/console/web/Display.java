package dev.kassa.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * How pages show what the APIs answer ({@code ${@display.time(order.created_at)}}): times in UTC to the second, and
 * one colour class per status, so that a status reads the same on every page.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** {@code 2026-12-04 10:10:58} (UTC) from an ISO-8601 instant; anything else as it is. */
    public String time(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /**
     * The badge class of an order, checkout, refund, report, key or dispute status: a dispute that waits for an answer
     * and a charge the cardholder took back are "bad", a dispute under review and a disputed order "wait".
     */
    public String badge(Object status) {
        if (status == null) {
            return "badge";
        }
        return switch (status.toString()) {
            case "SUCCEEDED", "COMPLETED", "MATCHED", "ACTIVE", "UP", "WON", "true" -> "badge ok";
            case "FAILED", "DISCREPANCIES", "REVOKED", "DOWN", "OPEN", "CHARGED_BACK", "NEEDS_RESPONSE", "LOST",
                 "ACCEPTED", "false" -> "badge bad";
            case "EXECUTING", "NOT_STARTED", "PENDING", "PARTIALLY_COMPLETED", "RUNNING", "PROCESSING", "DISPUTED",
                 "UNDER_REVIEW" -> "badge wait";
            default -> "badge";
        };
    }
}
