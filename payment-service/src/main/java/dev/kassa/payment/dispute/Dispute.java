package dev.kassa.payment.dispute;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code dispute}. Never changed in Java and saved back: every change is a guarded statement of
 * {@link Disputes} that checks the status it leaves in the database.
 */
@Table("dispute")
record Dispute(@Id String disputeId, String paymentOrderId, String merchantId, String pspReference, long amountMinor,
               String currency, String reason, DisputeStatus status, Instant evidenceDueBy,
               String evidenceSubmittedBy, String acceptedBy, Instant createdAt, Instant updatedAt, Instant closedAt) {
}
