package dev.kassa.pspmock.dispute;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features need to know of a charge's dispute. */
@Component
public class DisputeLookup {

    private final Disputes disputes;

    DisputeLookup(Disputes disputes) {
        this.disputes = disputes;
    }

    /**
     * The dispute that holds a charge's money back (open, or lost), which a refund must not pay out a second time, as
     * Stripe refuses it ({@code charge_disputed}); empty when the charge has no dispute or won it.
     */
    public Optional<String> disputeHoldingFundsOf(String paymentIntentId) {
        return disputes.findByPaymentIntentId(paymentIntentId).filter(dispute -> !Dispute.WON.equals(dispute.status()))
                .map(Dispute::id);
    }
}
