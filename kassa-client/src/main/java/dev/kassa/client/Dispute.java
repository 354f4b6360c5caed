package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A dispute as {@code /api/v1/disputes} shows it (docs/architecture.md §15). The money fields are null until the PSP
 * moved the money, and absent from older servers: {@code feeMinor} is the PSP's dispute fee in minor units and
 * {@code feeBearer} who bears it ({@code PLATFORM} or {@code SELLER}), {@code fundsWithdrawnAt} /
 * {@code fundsReinstatedAt} when the disputed amount was taken / given back, {@code feeReturnedMinor} how much of the fee
 * came back; {@code withdrawalBooked} / {@code reinstatementBooked} whether wallet and ledger booked each.
 *
 * @param evidenceDueBy the last moment evidence is taken
 * @param evidenceSubmittedBy who submitted evidence ({@code merchant:<id>} or {@code operator:<name>}), else null
 * @param acceptedBy who conceded the dispute, else null
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dispute(String disputeId, String paymentOrderId, String pspReference, String amount, String currency,
                      String reason, DisputeStatus status, Instant evidenceDueBy, String evidenceSubmittedBy,
                      String acceptedBy, Instant createdAt, Instant updatedAt, Instant closedAt,
                      Long feeMinor, String feeBearer, Instant fundsWithdrawnAt, Instant fundsReinstatedAt,
                      Long feeReturnedMinor, Booked withdrawalBooked, Booked reinstatementBooked) {

    public Money money() {
        return Money.orNull(amount, currency);
    }

    /** Whether wallet-service and ledger-service confirmed they booked one of the dispute's money movements. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Booked(boolean wallet, boolean ledger) {
    }
}
