package dev.kassa.ledger.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ledger account (docs/architecture.md §7): {@code psp_receivable}, or {@code seller_payable:<seller>} per seller.
 * The seller part keeps out whitespace, control characters and '/', so every account id can be named in a
 * URL path (raw or percent-encoded).
 */
public record AccountId(String value) {

    public static final AccountId PSP_RECEIVABLE = new AccountId("psp_receivable");

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
        if (raw.startsWith(SELLER_PAYABLE_PREFIX) && isValidSellerId(raw.substring(SELLER_PAYABLE_PREFIX.length()))) {
            return Optional.of(new AccountId(raw));
        }
        return Optional.empty();
    }

    /** The seller of a {@code seller_payable:<seller>} account; empty for the platform's psp_receivable. */
    public Optional<String> sellerId() {
        return value.startsWith(SELLER_PAYABLE_PREFIX)
                ? Optional.of(value.substring(SELLER_PAYABLE_PREFIX.length())) : Optional.empty();
    }

    public AccountType type() {
        return this.equals(PSP_RECEIVABLE) ? AccountType.ASSET : AccountType.LIABILITY;
    }

    @Override
    public String toString() {
        return value;
    }
}
