package dev.kassa.payment.risk;

import java.util.List;

/** The risk check's set-based statements: one per wave of charges, whatever its size. */
interface RiskScreening {

    /**
     * The requested orders that are {@code NOT_STARTED} on that attempt, each with the first active block of its
     * token, buyer or client address (none: {@code blockId} null). Three index lookups per order.
     */
    List<ScreenedOrder> screen(List<String> paymentOrderIds, List<Integer> attempts);

    /** An order the check looked at, and the block that stops it, if any. */
    record ScreenedOrder(String paymentOrderId, int attempt, String merchantId, long amountMinor, String currency,
                         Long blockId, String rule, String reason) {
    }

    /**
     * Counts one decline per order for its token, buyer and client address in their velocity windows, and blocks
     * each subject whose count reached its rule's threshold (extending an unlifted block of the same rule).
     *
     * @return the blocks made or extended
     */
    List<RiskBlock> countDeclines(List<String> paymentOrderIds, List<RiskProperties.Rule> rules,
                                  List<RiskSubject.Kind> kinds);

    /** Records why each of these charges was stopped. */
    void recordDecisions(List<RiskDecision> decisions);

    /** What the check decided against an order, one row per attempt it stopped, oldest first. */
    List<RiskDecision> decisionsOf(String paymentOrderId);
}
