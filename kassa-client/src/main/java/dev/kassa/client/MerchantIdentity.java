package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/merchants/me}: whose key the client holds, and the key's visible prefix ({@code sk_test_AbCd});
 * a frontend checks its configuration with it.
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MerchantIdentity(String merchantId, String keyPrefix) {
}
