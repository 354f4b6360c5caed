package dev.kassa.pspmock.support;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.Authenticator;
import com.stripe.net.BearerTokenAuthenticator;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.LiveStripeResponseGetter;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.stripe.net.StripeResponseGetterOptions;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe's official Java client pointed at psp-mock, as a team points it at stripe-mock: the same client, another
 * API base. No retries, so that each test sees the answer to its one request. Its HTTP client is the SDK's own
 * ({@link HttpURLConnectionClient}), with every exchange checked against the API's contract on the way
 * ({@link PspApi#CONTRACT}).
 */
public final class StripeSdk {

    private StripeSdk() {
    }

    public static StripeClient client(int port) {
        return client(port, PspApi.SECRET_KEY);
    }

    /** With another secret key (e.g. a wrong one). */
    public static StripeClient client(int port, String apiKey) {
        return new StripeClient(new LiveStripeResponseGetter(new Options("http://127.0.0.1:" + port, apiKey),
                new ContractCheckedClient()));
    }

    /** A fresh idempotency key, given explicitly where a test replays it. */
    public static RequestOptions withKey(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    public static String newKey() {
        return "sdk-" + UUID.randomUUID();
    }

    /** The SDK's HTTP client, and the contract's check of what it sent and got. */
    private static final class ContractCheckedClient extends HttpURLConnectionClient {

        @Override
        public StripeResponse request(StripeRequest request) throws ApiConnectionException {
            StripeResponse response = super.request(request);
            Map<String, List<String>> headers = new LinkedHashMap<>(request.headers().map());
            String body = null;
            if (request.content() != null) {
                headers.put("Content-Type", List.of(request.content().contentType()));
                // Stripe's forms are checked without their body (PspApi#check says why); the SDK sends nothing else.
                body = request.content().contentType().startsWith(PspApi.FORM) ? null
                        : request.content().stringContent();
            }
            try {
                PspApi.CONTRACT.check(Exchange.of(request.method().name(), request.url().toURI(), headers, body,
                        response.code(), named(response.headers().map()), response.body()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return response;
        }
    }

    /** {@link java.net.HttpURLConnection}'s headers have the status line under a null name. */
    private static Map<String, List<String>> named(Map<String, List<String>> headers) {
        Map<String, List<String>> named = new LinkedHashMap<>(headers);
        named.remove(null);
        return named;
    }

    /** What {@code StripeClient.builder()} would set: the key, the API base, no retries, the SDK's timeouts. */
    private static final class Options extends StripeResponseGetterOptions {

        private final String apiBase;
        private final Authenticator authenticator;

        Options(String apiBase, String apiKey) {
            this.apiBase = apiBase;
            this.authenticator = new BearerTokenAuthenticator(apiKey);
        }

        @Override
        public Authenticator getAuthenticator() {
            return authenticator;
        }

        @Override
        public String getClientId() {
            return null;
        }

        @Override
        public int getConnectTimeout() {
            return 30_000;
        }

        @Override
        public int getReadTimeout() {
            return 80_000;
        }

        @Override
        public Proxy getConnectionProxy() {
            return null;
        }

        @Override
        public int getMaxNetworkRetries() {
            return 0;
        }

        @Override
        public PasswordAuthentication getProxyCredential() {
            return null;
        }

        @Override
        public String getApiBase() {
            return apiBase;
        }

        @Override
        public String getFilesBase() {
            return apiBase;
        }

        @Override
        public String getConnectBase() {
            return apiBase;
        }

        @Override
        public String getMeterEventsBase() {
            return apiBase;
        }

        @Override
        public String getStripeAccount() {
            return null;
        }

        @Override
        public String getStripeContext() {
            return null;
        }
    }
}
