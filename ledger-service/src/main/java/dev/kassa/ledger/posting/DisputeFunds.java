package dev.kassa.ledger.posting;

import dev.kassa.schemas.event.DisputeFeeBearer;

/**
 * What one side of a dispute moves: the amount, the fee and who bears it. Without a fee its bearer is not booked
 * anywhere, so it is null then, and two records that differ only in the bearer of no fee say the same.
 */
record DisputeFunds(String paymentOrderId, String sellerId, String currency, long amountMinor, long feeMinor,
        DisputeFeeBearer feeBearer) {

    DisputeFunds {
        if (feeMinor == 0) {
            feeBearer = null;
        }
    }

    static DisputeFunds of(PostingRequest dispute) {
        return new DisputeFunds(dispute.paymentOrderId(), dispute.sellerId(), dispute.currency(),
                dispute.amountMinor(), dispute.feeMinor(), dispute.feeBearer());
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency + " + fee " + feeMinor + (feeBearer == null ? "" : " borne by " + feeBearer)
                + " for " + sellerId + " of " + paymentOrderId;
    }
}
