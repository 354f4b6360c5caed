package dev.kassa.pspmock.api;

/**
 * The OpenAPI document's words for what every operation of Stripe's wire format shares (request bodies, the
 * idempotency key, list paging), so that each controller's annotations say it the same way.
 */
public final class StripeForms {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    public static final String BODY = "Stripe's form encoding, nested with brackets (`metadata[order_id]=po_1`,"
            + " `expand[]=x`), as Stripe's SDKs send it; a JSON object is read the same way (whatever the"
            + " `Content-Type` says: a body starting with `{` is JSON). An absent body is an empty form, so a missing"
            + " parameter is a 400 naming it.";
    public static final String IDEMPOTENCY_KEY = "Required (400 `idempotency_key_missing` without), at most 255"
            + " characters. Within 24 hours the same key with the same parameters answers the first response again"
            + " (with `Idempotent-Replayed: true`), errors included; with other parameters 400 `idempotency_error`.";
    public static final String KEY_IN_USE = "`idempotency_error` `idempotency_key_in_use`: a request with this"
            + " `Idempotency-Key` is still running; retry later";

    public static final String PAGING = "Stripe's paging: at most `limit` objects, newest first; `has_more` says"
            + " whether there are more beyond the page, in the direction of paging.";
    public static final String LIMIT = "From 1 to 100";
    public static final String STARTING_AFTER = "An object id of the previous page: the page of older objects after"
            + " it";
    public static final String ENDING_BEFORE = "An object id: the page of newer objects before it (not with"
            + " `starting_after`)";
    public static final String CURSOR_MISSING = "`invalid_request_error` `resource_missing`: `starting_after` or"
            + " `ending_before` names no such object (`param` says which)";
    public static final String HAS_MORE = "More objects beyond this page, in the direction of paging";
    public static final String EXPAND = "Accepted as Stripe's `expand[]`; psp-mock's objects are not expanded";

    private StripeForms() {
    }
}
