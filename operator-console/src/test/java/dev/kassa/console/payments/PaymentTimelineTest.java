package dev.kassa.console.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PaymentTimelineTest {

    @Test
    void theServicesRecordsAreOneStoryOldestFirst() {
        Map<String, Object> created = new HashMap<>(Map.of("at", "2026-12-04T10:00:00.100Z", "to_status", "NOT_STARTED",
                "attempt", 1, "cause", "API", "actor", "merchant:m_demo"));
        created.put("from_status", null);
        Map<String, Object> executing = Map.of("at", "2026-12-04T10:00:00.200Z", "from_status", "NOT_STARTED",
                "to_status", "EXECUTING", "attempt", 1, "cause", "EXECUTOR");
        Map<String, Object> refund = Map.of("occurred_at", "2026-12-04T10:05:00Z", "action", "REFUND_REQUESTED",
                "actor", "operator:otto", "detail", "5.00 EUR", "request_id", "req_1", "credential", "opk_AbCd",
                "client_address", "127.0.0.1");
        Map<String, Object> credit = Map.of("recorded_at", "2026-12-04T10:00:01Z", "kind", "CREDIT", "amount", "20.00",
                "currency", "EUR", "balance_after", "20.00");
        Map<String, Object> entry = Map.of("recorded_at", "2026-12-04T10:00:02Z", "kind", "PAYMENT", "lines", List.of(
                Map.of("side", "DEBIT", "account_id", "psp_receivable", "amount", "20.00", "currency", "EUR"),
                Map.of("side", "CREDIT", "account_id", "seller_payable:s_1", "amount", "20.00", "currency", "EUR")));

        List<TimelineEntry> timeline = PaymentTimeline.of("po_1", List.of(executing, created), List.of(),
                List.of(refund), List.of(credit), List.of(entry));

        assertThat(timeline).extracting(TimelineEntry::event).containsExactly("created NOT_STARTED",
                "NOT_STARTED → EXECUTING", "wallet credit", "ledger entry payment", "refund requested");
        assertThat(timeline.get(1).detail()).contains("PSP idempotency key po_1:1");
        assertThat(timeline.get(3).detail()).isEqualTo(
                "DEBIT psp_receivable 20.00 EUR / CREDIT seller_payable:s_1 20.00 EUR");
        assertThat(timeline.get(4).actor()).isEqualTo("operator:otto");
        assertThat(timeline.get(4).detail()).contains("req_1", "opk_AbCd");
    }

    @Test
    void anAttemptTheRiskCheckStoppedIsInTheStoryBeforeTheFailureItCaused() {
        Map<String, Object> created = new HashMap<>(Map.of("at", "2026-12-04T14:40:00.500Z", "to_status", "NOT_STARTED",
                "attempt", 1, "cause", "API", "actor", "merchant:m_1"));
        created.put("from_status", null);
        Map<String, Object> failed = Map.of("at", "2026-12-04T14:40:01.123Z", "from_status", "NOT_STARTED",
                "to_status", "FAILED", "attempt", 1, "cause", "RISK_CHECK");
        Map<String, Object> byVelocity = Map.of("payment_order_id", "po_7", "attempt", 1, "rule", "velocity_buyer",
                "block_id", 12, "detail", "Stopped by risk rule velocity_buyer (block 12): 5 declined charges within 600 s",
                "decided_at", "2026-12-04T14:40:01.123Z");
        Map<String, Object> byLimit = new HashMap<>(Map.of("payment_order_id", "po_7", "attempt", 2,
                "rule", "amount_limit", "detail", "Stopped by risk rule amount_limit: above 500.00 EUR",
                "decided_at", "2026-12-04T15:00:00Z"));
        byLimit.put("block_id", null);

        List<TimelineEntry> timeline = PaymentTimeline.of("po_7", List.of(failed, created),
                List.of(byLimit, byVelocity), List.of(), List.of(), List.of());

        assertThat(timeline).extracting(TimelineEntry::event).containsExactly("created NOT_STARTED",
                "stopped by risk rule velocity_buyer", "NOT_STARTED → FAILED", "stopped by risk rule amount_limit");
        assertThat(timeline.get(1).service()).isEqualTo("payment-service");
        assertThat(timeline.get(1).detail()).isEqualTo("attempt 1, block 12: Stopped by risk rule velocity_buyer "
                + "(block 12): 5 declined charges within 600 s");
        assertThat(timeline.get(3).detail()).startsWith("attempt 2: ").doesNotContain("block");
    }
}
