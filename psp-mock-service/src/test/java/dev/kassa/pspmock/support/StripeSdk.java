package dev.kassa.pspmock.support;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import java.util.UUID;

/**
 * Stripe's official Java client pointed at psp-mock, as a team points it at stripe-mock: the same builder, another
 * API base. No retries, so that each test sees the answer to its one request.
 */
public final class StripeSdk {

    private StripeSdk() {
    }

    public static StripeClient client(int port) {
        return StripeClient.builder()
                .setApiKey(PspApi.SECRET_KEY)
                .setApiBase("http://127.0.0.1:" + port)
                .setMaxNetworkRetries(0)
                .build();
    }

    /** A fresh idempotency key, given explicitly where a test replays it. */
    public static RequestOptions withKey(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    public static String newKey() {
        return "sdk-" + UUID.randomUUID();
    }
}
