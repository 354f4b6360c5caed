package dev.kassa.testfixtures;

/**
 * The tests' operator keys: PUBLIC, for tests only. Their SHA-256 hashes are configured by this module's
 * {@code application-testkeys.yml}, which the build's test runs activate together with the {@code local}
 * profile (the parent pom's surefire settings); outside {@code local} a service refuses to start with them.
 */
public final class TestKeys {

    /** Role OPERATOR: replays, retries, refunds on a merchant's behalf, merchants and keys. */
    public static final String OPERATOR = "opk_testOperator00000000000000000000";
    /** Role FINANCE: reconciliation, ledger, wallets, exports. */
    public static final String FINANCE = "opk_testFinance000000000000000000000";
    /** Role VIEWER: reads what operators read. */
    public static final String VIEWER = "opk_testViewer0000000000000000000000";

    private TestKeys() {
    }

    /** The value of an {@code Authorization} header carrying {@code key}. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
