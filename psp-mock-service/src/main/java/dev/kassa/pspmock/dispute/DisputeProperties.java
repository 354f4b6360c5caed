package dev.kassa.pspmock.dispute;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param evidenceDueDays evidence is due by the end (23:59:59 UTC) of the day this many days after a dispute opens
 *                        ({@code evidence_details.due_by})
 * @param decisionDelay   how long a dispute stays {@code under_review} after evidence that decides it (Stripe's
 *                        {@code winning_evidence} and {@code losing_evidence}) was submitted
 */
@ConfigurationProperties("psp.disputes")
public record DisputeProperties(
        @DefaultValue("7") int evidenceDueDays,
        @DefaultValue("3s") Duration decisionDelay) {

    public DisputeProperties {
        if (evidenceDueDays < 0) {
            throw new IllegalArgumentException("psp.disputes.evidence-due-days must be 0 or more");
        }
        if (decisionDelay.isNegative()) {
            throw new IllegalArgumentException("psp.disputes.decision-delay must not be negative");
        }
    }
}
