package dev.kassa.pspmock.api;

/** Recognises a raw card number (13 to 19 digits, spaces or dashes allowed, passing Luhn): never accepted. */
public final class CardNumbers {

    private CardNumbers() {
    }

    public static boolean looksLikePan(String value) {
        String digits = value.replace(" ", "").replace("-", "");
        if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
