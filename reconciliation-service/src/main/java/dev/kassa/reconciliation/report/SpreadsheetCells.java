package dev.kassa.reconciliation.report;

/**
 * Text cells of the CSV export made safe to open in a spreadsheet (OWASP "CSV Injection", ASVS 1.2.10). Excel,
 * LibreOffice and Google Sheets evaluate a cell that starts with {@code = + - @} (or a tab, carriage return or
 * NUL before one) as a formula, and much of a finding's text comes from the PSP's settlement file (payment intent,
 * payment order and balance transaction ids), which is outside data. Such a cell gets a leading single quote,
 * which the spreadsheet takes as "this is text" and does not show.
 *
 * <p>Only text cells pass through here. The amounts are also exported as numbers ({@code expected_minor},
 * {@code actual_minor}, {@code line_number}: a Java {@code Long}, printed as {@code -500}), which cannot hold a
 * formula and stay plain numbers a spreadsheet can sum; the rendered texts next to them ({@code "-5.00 USD"}) are
 * text and are neutralised like any other.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** {@code value} as a cell no spreadsheet evaluates; null (an empty cell) stays null. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\0' -> "'" + value;
            default -> value;
        };
    }
}
