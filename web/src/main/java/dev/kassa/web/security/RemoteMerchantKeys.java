package dev.kassa.web.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.http.HttpClient;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Merchants' secret keys ({@code sk_…}) in a service that keeps no merchants (wallet, ledger): the key is shown
 * to payment-service's {@code GET /api/v1/merchants/me}, which answers whose it is, or 401. The key itself is the
 * only credential needed, so no service secret is shared, and a revocation in payment-service reaches here within
 * {@code kassa.security.merchant-keys.cache-ttl}. Answers, both yes and no, are kept by the key's SHA-256 for that
 * long, so a busy caller costs payment-service one request per TTL and instance. When payment-service cannot
 * answer, the request is refused with a 503 rather than let through or called unauthenticated.
 */
final class RemoteMerchantKeys implements BearerKeys {

    static final String PREFIX = "sk_";
    private static final String SELF_PATH = "/api/v1/merchants/me";

    private final RestClient paymentService;
    private final Cache<String, Optional<KassaActor>> answers;

    RemoteMerchantKeys(KassaSecurityProperties.MerchantKeys settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        this.paymentService = RestClient.builder().baseUrl(settings.verifyUrl().toString())
                .requestFactory(requests).build();
        this.answers = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.cacheTtl()).build();
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(PREFIX);
    }

    @Override
    public Optional<KassaActor> authenticate(String key) {
        return answers.get(SecretKeys.sha256Hex(key), sha256 -> ask(key));
    }

    private Optional<KassaActor> ask(String key) {
        try {
            MerchantSelf self = paymentService.get().uri(SELF_PATH)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .retrieve().body(MerchantSelf.class);
            if (self == null || self.merchantId() == null || self.keyPrefix() == null) {
                throw new InternalAuthenticationServiceException("payment-service answered without a merchant");
            }
            return Optional.of(KassaActor.merchant(self.merchantId(), self.keyPrefix()));
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                return Optional.empty();
            }
            throw unavailable(refused);
        } catch (RestClientException failed) {
            throw unavailable(failed);
        }
    }

    /** Internal: Spring Security's provider manager stops at once instead of asking another provider. */
    private static InternalAuthenticationServiceException unavailable(Exception cause) {
        return new MerchantKeysUnavailableException(
                "payment-service could not verify the merchant key: " + cause.getMessage(), cause);
    }

    /** payment-service's answer; what else it says is not needed here. */
    record MerchantSelf(@JsonProperty("merchant_id") String merchantId,
                        @JsonProperty("key_prefix") String keyPrefix) {
    }

    /** The key could be neither accepted nor refused: the caller should try again (503). */
    static final class MerchantKeysUnavailableException extends InternalAuthenticationServiceException {

        MerchantKeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
