package dev.kassa.wallet.movement;

import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** The {@code wallet.events} record announcing an applied movement. */
final class WalletEvents {

    /** Replaced by the outbox with the outbox row id; the Avro field is required, so it cannot stay null. */
    private static final String EVENT_ID_SET_BY_OUTBOX = "";

    private WalletEvents() {
    }

    static SpecificRecord of(AppliedMovement movement, Instant occurredAt) {
        MovementRequest request = movement.request();
        return switch (request.kind()) {
            case CREDIT -> WalletCredited.newBuilder()
                    .setEventId(EVENT_ID_SET_BY_OUTBOX)
                    .setOccurredAt(occurredAt)
                    .setPaymentOrderId(request.paymentOrderId())
                    .setCheckoutId(request.checkoutId())
                    .setSellerAccount(request.accountId())
                    .setAmountMinor(request.amountMinor())
                    .setCurrency(request.currency())
                    .setDisputeId(request.disputeId())
                    .setMovementId(movement.movementId().toString())
                    .setSourceEventId(request.sourceEventId())
                    .setBalanceAfterMinor(movement.balanceAfterMinor())
                    .build();
            case DEBIT -> WalletDebited.newBuilder()
                    .setEventId(EVENT_ID_SET_BY_OUTBOX)
                    .setOccurredAt(occurredAt)
                    .setPaymentOrderId(request.paymentOrderId())
                    .setCheckoutId(request.checkoutId())
                    .setSellerAccount(request.accountId())
                    .setAmountMinor(request.amountMinor())
                    .setCurrency(request.currency())
                    .setRefundId(request.refundId())
                    .setDisputeId(request.disputeId())
                    .setMovementId(movement.movementId().toString())
                    .setSourceEventId(request.sourceEventId())
                    .setBalanceAfterMinor(movement.balanceAfterMinor())
                    .build();
        };
    }
}
