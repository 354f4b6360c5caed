package dev.kassa.web.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a card number (PAN): 13–19 digits that pass the Luhn check, possibly grouped by one
 * common separator between digits (space, dash, dot or slash: "4242 4242-4242.4242"). Kassa only ever takes
 * PSP tokens; a PAN anywhere in a request is refused, and never echoed or logged.
 */
public final class PanDetector {

    /** A maximal run of digits where single separators may stand between digits. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ ./-]?\\d)*");
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private PanDetector() {
    }

    public static boolean containsPan(String text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (isPan(run.group())) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every PAN-like run replaced by {@code card-number-removed}, for echoes such as URLs. */
    public static String mask(String text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return text;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (run.find()) {
            run.appendReplacement(masked, isPan(run.group()) ? "card-number-removed" : Matcher.quoteReplacement(run.group()));
        }
        run.appendTail(masked);
        return masked.toString();
    }

    private static boolean isPan(String run) {
        int digits = 0;
        for (int i = 0; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i))) {
                digits++;
            }
        }
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS && passesLuhn(run);
    }

    static boolean passesLuhn(String run) {
        int sum = 0;
        boolean doubled = false;
        for (int i = run.length() - 1; i >= 0; i--) {
            char c = run.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
