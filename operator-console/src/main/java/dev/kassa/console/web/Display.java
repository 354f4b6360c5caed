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

    /** The badge class of an order, checkout, refund, report or key status. */
    public String badge(Object status) {
        if (status == null) {
            return "badge";
        }
        return switch (status.toString()) {
            case "SUCCEEDED", "COMPLETED", "MATCHED", "ACTIVE", "UP", "true" -> "badge ok";
            case "FAILED", "DISCREPANCIES", "REVOKED", "DOWN", "OPEN", "false" -> "badge bad";
            case "EXECUTING", "NOT_STARTED", "PENDING", "PARTIALLY_COMPLETED", "RUNNING", "PROCESSING" -> "badge wait";
            default -> "badge";
        };
    }
}
