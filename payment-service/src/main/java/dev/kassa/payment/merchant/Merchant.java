package dev.kassa.payment.merchant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code merchant}. Its {@code @Version} guards the merchant's set of keys: creating a key counts the
 * active ones and saves the merchant back, so two creations at once cannot both pass the two-key rule (the second
 * save finds another version and fails).
 *
 * @param createdBy the actor that created it ({@code operator:<name>})
 */
@Table("merchant")
public record Merchant(@Id String merchantId, String name, Instant createdAt, String createdBy,
                       @Version Long version) {
}
