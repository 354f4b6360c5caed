package dev.kassa.ledger.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ledger account (docs/architecture.md §7): {@code psp_receivable}, {@code dispute_fees}, or
 * {@code seller_payable:<seller>} per seller (the database's {@code account_in_chart} constraint allows no other).
 * The seller part keeps out whitespace, control characters and '/', so every account id can be named in a
 * URL path (raw or percent-encoded).
 */
public record AccountId(String value) {

    public static final AccountId PSP_RECEIVABLE = new AccountId("psp_receivable");
    /** The dispute fees the platform bears (a seller's are debited from its seller_payable). */
    public static final AccountId DISPUTE_FEES = new AccountId("dispute_fees");

    /** The reason given for an id that is none of these. */
    public static final String FORMS =
            "must be psp_receivable, dispute_fees or seller_payable:<seller> "
                    + "(seller: 1-128 characters, no whitespace or '/')";

    private static final String SELLER_PAYABLE_PREFIX = "seller_payable:";
    /** {@code \p{Cc}}: C0 and C1 controls, U+0000-U+001F and U+007F-U+009F (POSIX {@code \p{Cntrl}} misses C1). */
    private static final Pattern SELLER_ID = Pattern.compile("[^\\s\\p{Cc}/]{1,128}");

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    /** The liability account of one seller. */
    public static AccountId sellerPayable(String sellerId) {
        if (!isValidSellerId(sellerId)) {
            throw new IllegalArgumentException("seller id must be 1-128 characters without whitespace, control characters or '/'");
        }
        return new AccountId(SELLER_PAYABLE_PREFIX + sellerId);
    }

    public static boolean isValidSellerId(String sellerId) {
        return sellerId != null && SELLER_ID.matcher(sellerId).matches();
    }

    /** The account an id names, or empty if the id is not of a Kassa account's form. */
    public static Optional<AccountId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.equals(PSP_RECEIVABLE.value)) {
            return Optional.of(PSP_RECEIVABLE);
        }
        if (raw.equals(DISPUTE_FEES.value)) {
            return Optional.of(DISPUTE_FEES);
        }
        if (raw.startsWith(SELLER_PAYABLE_PREFIX) && isValidSellerId(raw.substring(SELLER_PAYABLE_PREFIX.length()))) {
            return Optional.of(new AccountId(raw));
        }
        return Optional.empty();
    }

    /** The seller of a {@code seller_payable:<seller>} account; empty for the platform's own accounts. */
    public Optional<String> sellerId() {
        return value.startsWith(SELLER_PAYABLE_PREFIX)
                ? Optional.of(value.substring(SELLER_PAYABLE_PREFIX.length())) : Optional.empty();
    }

    public AccountType type() {
        if (this.equals(PSP_RECEIVABLE)) {
            return AccountType.ASSET;
        }
        return this.equals(DISPUTE_FEES) ? AccountType.EXPENSE : AccountType.LIABILITY;
    }

    @Override
    public String toString() {
        return value;
    }
}
