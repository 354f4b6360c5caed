package dev.kassa.pspmock.settlement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import dev.kassa.pspmock.api.ApiException;

/** A settlement day in the path: strictly {@code yyyy-mm-dd}, a UTC calendar day. */
final class SettlementDate {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SettlementDate() {
    }

    static LocalDate parse(String value) {
        if (FORMAT.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException invalid) {
                // reported below
            }
        }
        throw ApiException.invalidRequest("parameter_invalid",
                "Invalid date: " + value + ". Use a UTC day as yyyy-mm-dd.", "date");
    }
}
