package dev.kassa.payment.dispute;

import dev.kassa.schemas.event.DisputeFeeBearer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.disputes.*}. Environment overrides follow Spring Boot's relaxed binding
 * ({@code KASSA_DISPUTES_FEE_BEARER=SELLER}).
 *
 * @param feeBearer who bears the PSP's dispute fee: {@code PLATFORM} (its {@code dispute_fees} expense) or
 *                  {@code SELLER} (debited with the disputed amount). Fixed on each dispute when its funds are
 *                  withdrawn, so a later change applies to later disputes only.
 */
@ConfigurationProperties("kassa.disputes")
public record DisputeProperties(@DefaultValue("PLATFORM") DisputeFeeBearer feeBearer) {
}
