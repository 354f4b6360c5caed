package dev.kassa.ledger.entries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.ledger.entries.*}: page sizes of the entries API.
 *
 * @param defaultLimit entries per page when the client sends no limit
 * @param maxLimit     the largest limit a client may ask for
 */
@ConfigurationProperties("kassa.ledger.entries")
public record EntriesProperties(@DefaultValue("50") int defaultLimit, @DefaultValue("500") int maxLimit) {

    public EntriesProperties {
        if (maxLimit < 1 || defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException(
                    "kassa.ledger.entries: need 1 <= default-limit <= max-limit, got " + defaultLimit + ", " + maxLimit);
        }
    }
}
