package dev.kassa.web.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do. A merchant key carries {@link #MERCHANT} only and sees only its own merchant's objects;
 * operators carry one or more of the other three (docs/architecture.md §11 has the table of endpoints per role).
 */
public enum KassaRole {

    /** A checkout frontend or back office holding a merchant's secret key: its own checkouts, orders, refunds. */
    MERCHANT,
    /** Runs the platform: dead-letter replay, retries and refunds on a merchant's behalf, merchants and keys. */
    OPERATOR,
    /** Reconciles the money: reconciliation runs, ledger, trial balance, wallets, exports. */
    FINANCE,
    /** Reads everything an operator reads, changes nothing. */
    VIEWER;

    /** Spring Security's name for the role, as {@code hasRole} expects it. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Every operator role: who may read the platform's own state (health details, metrics, dead letters). */
    public static final String[] OPERATORS = {OPERATOR.name(), FINANCE.name(), VIEWER.name()};

    /** A merchant key and every operator role: reads of a merchant's own objects, which operators see too. */
    public static final String[] MERCHANT_OR_OPERATORS = {MERCHANT.name(), OPERATOR.name(), FINANCE.name(), VIEWER.name()};
}
