package dev.kassa.console.signin;

import dev.kassa.web.security.KassaRole;
import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The operator signed in to this browser session: name and roles as every service knows them, and the key the console
 * sends on the operator's behalf. The key lives only in the server-side session (the browser holds an opaque,
 * HTTP-only session cookie) and is never rendered into a page.
 */
public record SignedInOperator(String name, Set<KassaRole> roles, String key) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SignedInOperator {
        roles = Set.copyOf(roles);
    }

    public boolean can(KassaRole role) {
        return roles.contains(role);
    }

    /** OPERATOR acts: refunds, retries, replays, merchants and keys, risk blocks, answers to disputes. */
    public boolean canOperate() {
        return can(KassaRole.OPERATOR);
    }

    /** FINANCE reconciles. */
    public boolean canReconcile() {
        return can(KassaRole.FINANCE);
    }

    /** The operator of the current request; only behind a page that requires sign-in. */
    public static SignedInOperator current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInOperator operator) {
            return operator;
        }
        throw new IllegalStateException("no operator is signed in: this code must run behind a signed-in page");
    }

    /** Never the key: a record's text ends up in logs. */
    @Override
    public String toString() {
        return "SignedInOperator[name=" + name + ", roles=" + roles + "]";
    }
}
