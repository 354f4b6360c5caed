package dev.kassa.console.payments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A payment order's story across the services, oldest first: its status changes with their cause and actor
 * (payment-service's history, where an attempt's PSP idempotency key and a webhook's event id show), the attempts the
 * risk check stopped (rule, block, why), the audit trail's actions (refunds, retries), the wallet's movements and the
 * ledger's entries with their lines.
 */
final class PaymentTimeline {

    private PaymentTimeline() {
    }

    static List<TimelineEntry> of(String paymentOrderId, List<Map<String, Object>> history,
                                  List<Map<String, Object>> riskDecisions, List<Map<String, Object>> audit,
                                  List<Map<String, Object>> movements, List<Map<String, Object>> entries) {
        List<TimelineEntry> timeline = new ArrayList<>();
        // Before the history: a stop and the change to FAILED it caused are recorded in one transaction, often at the
        // same instant, and the sort below keeps the order of equal ones.
        for (Map<String, Object> decision : riskDecisions) {
            timeline.add(new TimelineEntry(text(decision.get("decided_at")), "payment-service",
                    "stopped by risk rule " + text(decision.get("rule")), riskDetail(decision), ""));
        }
        for (Map<String, Object> change : history) {
            timeline.add(new TimelineEntry(text(change.get("at")), "payment-service", statusChange(change),
                    statusDetail(paymentOrderId, change), text(change.get("actor"))));
        }
        for (Map<String, Object> event : audit) {
            timeline.add(new TimelineEntry(text(event.get("occurred_at")), "payment-service",
                    text(event.get("action")).toLowerCase().replace('_', ' '), auditDetail(event),
                    text(event.get("actor"))));
        }
        for (Map<String, Object> movement : movements) {
            timeline.add(new TimelineEntry(text(movement.get("recorded_at")), "wallet-service",
                    "wallet " + text(movement.get("kind")).toLowerCase(),
                    movement.get("amount") + " " + movement.get("currency") + ", balance after "
                            + movement.get("balance_after")
                            + (movement.get("refund_id") == null ? "" : ", refund " + movement.get("refund_id")),
                    ""));
        }
        for (Map<String, Object> entry : entries) {
            timeline.add(new TimelineEntry(text(entry.get("recorded_at")), "ledger-service",
                    "ledger entry " + text(entry.get("kind")).toLowerCase(), lines(entry), ""));
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return timeline;
    }

    private static String statusChange(Map<String, Object> change) {
        Object from = change.get("from_status");
        return (from == null ? "created " : from + " → ") + change.get("to_status");
    }

    private static String statusDetail(String paymentOrderId, Map<String, Object> change) {
        List<String> parts = new ArrayList<>();
        parts.add("cause " + change.get("cause"));
        if ("EXECUTING".equals(change.get("to_status"))) {
            parts.add("PSP idempotency key " + paymentOrderId + ":" + change.get("attempt"));
        } else {
            parts.add("attempt " + change.get("attempt"));
        }
        if (change.get("detail") != null) {
            parts.add(text(change.get("detail")));
        }
        return String.join(", ", parts);
    }

    /** {@code attempt 1, block 12: Stopped by risk rule velocity_buyer (block 12): 5 declined charges within 600 s}. */
    private static String riskDetail(Map<String, Object> decision) {
        return "attempt " + decision.get("attempt")
                + (decision.get("block_id") == null ? "" : ", block " + decision.get("block_id"))
                + ": " + text(decision.get("detail"));
    }

    private static String auditDetail(Map<String, Object> event) {
        return text(event.get("detail")) + " (request " + text(event.get("request_id")) + ", "
                + text(event.get("credential")) + " from " + text(event.get("client_address")) + ")";
    }

    /** {@code DEBIT psp_receivable 12.50 EUR / CREDIT seller_payable:s1 12.50 EUR}. */
    @SuppressWarnings("unchecked")
    private static String lines(Map<String, Object> entry) {
        Object lines = entry.get("lines");
        if (!(lines instanceof List<?> list)) {
            return "";
        }
        return list.stream().map(line -> (Map<String, Object>) line)
                .map(line -> line.get("side") + " " + line.get("account_id") + " " + line.get("amount") + " "
                        + line.get("currency"))
                .collect(Collectors.joining(" / "));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
