package dev.kassa.wallet.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging bounds of the read API ({@code kassa.wallet.api.*}).
 *
 * @param defaultPageSize movements per page when {@code limit} is absent
 * @param maxPageSize     the largest accepted {@code limit}; larger values are a 400, not silently capped
 */
@ConfigurationProperties("kassa.wallet.api")
public record WalletApiProperties(
        @DefaultValue("50") int defaultPageSize,
        @DefaultValue("200") int maxPageSize) {

    public WalletApiProperties {
        if (maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("kassa.wallet.api: need 1 <= default-page-size (" + defaultPageSize
                    + ") <= max-page-size (" + maxPageSize + ")");
        }
    }
}
