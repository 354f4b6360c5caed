package dev.kassa.pspmock.api;

/**
 * The API request being handled on this thread, for the {@code request} of the events it causes
 * ({@code {"id": "req_…", "idempotency_key": …}}, as Stripe fills it). Background work (resolvers) has none, and
 * its events carry nulls, as Stripe's automatic ones do.
 */
public final class CurrentRequest {

    public record Info(String id, String idempotencyKey) {
    }

    private static final ThreadLocal<Info> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {
    }

    static void begin(String requestId) {
        CURRENT.set(new Info(requestId, null));
    }

    static void end() {
        CURRENT.remove();
    }

    /** Records the idempotency key the request runs under. */
    public static void idempotencyKey(String key) {
        Info info = CURRENT.get();
        if (info != null) {
            CURRENT.set(new Info(info.id(), key));
        }
    }

    /** The request on this thread, or one of nulls. */
    public static Info get() {
        Info info = CURRENT.get();
        return info != null ? info : new Info(null, null);
    }
}
