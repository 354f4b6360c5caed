package dev.kassa.wallet.movement;

import java.util.UUID;

/** A movement that was stored, with the balance it left. */
record AppliedMovement(UUID movementId, MovementRequest request, long balanceAfterMinor) {
}
