package dev.kassa.payment.access;

import dev.kassa.web.security.KassaActor;
import java.util.Optional;

/**
 * Whose objects the caller sees: a merchant key only its own merchant's checkouts, orders and refunds; an
 * operator (any role; the access rules decide what it may change) every object, including those created before
 * objects had an owner ({@code merchant_id} null). Callers answer an object the caller may not see exactly as
 * an unknown id (404), so that ids of other merchants cannot be probed.
 */
public final class Ownership {

    private Ownership() {
    }

    /** Whether the current caller may see an object of {@code ownerMerchantId}; false without a caller. */
    public static boolean visibleToCaller(String ownerMerchantId) {
        Optional<KassaActor> actor = KassaActor.current();
        if (actor.isEmpty()) {
            return false;
        }
        return !actor.get().isMerchant() || actor.get().merchantId().equals(ownerMerchantId);
    }
}
