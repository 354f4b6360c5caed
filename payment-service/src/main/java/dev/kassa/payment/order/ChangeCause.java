package dev.kassa.payment.order;

import dev.kassa.web.security.KassaActor;

/**
 * Why a payment order's status changed, as its history records it ({@code payment_order_history},
 * docs/architecture.md §11). A transaction names it through {@link ChangeCauses} before it changes a status.
 */
public enum ChangeCause {

    /** A merchant's API call: creating a checkout, retrying its own order. */
    API,
    /** An operator's call: a retry on a merchant's behalf. */
    OPERATOR,
    /** The executor took the order's execution request and is calling the PSP ({@code NOT_STARTED → EXECUTING}). */
    EXECUTOR,
    /** The PSP's answer to the executor's call. */
    PSP_ANSWER,
    /** A signed PSP webhook. */
    WEBHOOK,
    /** The janitor asked the PSP about an order stuck in EXECUTING. */
    JANITOR,
    /** The risk check stopped the charge before the PSP was called ({@code NOT_STARTED → FAILED}). */
    RISK_CHECK,
    /** Nobody named a cause (a manual statement, a code path that forgot): what the history triggers record then. */
    SYSTEM;

    /** {@link #OPERATOR} when an operator makes the current request, {@link #API} for a merchant (or nobody). */
    public static ChangeCause ofCaller() {
        return KassaActor.current().filter(actor -> !actor.isMerchant()).isPresent() ? OPERATOR : API;
    }
}
