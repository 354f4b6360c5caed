package dev.kassa.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * {@code kassa.web.*}: the house rules of every HTTP API (KASSA_WEB_MAX_BODY_BYTES in the environment).
 *
 * @param maxBodyBytes   the largest request body any endpoint accepts (a bare number is bytes; {@code 64KB}
 *                       works too); larger bodies get a 413
 * @param problemDetails whether the shared problem-details advice answers errors; off only in a service that
 *                       speaks another error dialect (psp-mock)
 */
@ConfigurationProperties("kassa.web")
public record KassaWebProperties(@DefaultValue("64KB") @DataSizeUnit(DataUnit.BYTES) DataSize maxBodyBytes,
                                 @DefaultValue("true") boolean problemDetails) {

    public KassaWebProperties {
        if (maxBodyBytes.toBytes() < 1) {
            throw new IllegalArgumentException("kassa.web.max-body-bytes must be at least 1 byte, got " + maxBodyBytes);
        }
    }
}
