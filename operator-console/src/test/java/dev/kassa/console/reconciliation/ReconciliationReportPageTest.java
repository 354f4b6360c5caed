package dev.kassa.console.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.console.ConsolePageTest;
import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** A reconciliation report's page against a mocked {@link KassaApi}: its discrepancies by class. */
class ReconciliationReportPageTest extends ConsolePageTest {

    @Test
    void aDisputesMoneyIsShownWithWhatItMeansWhatToDoAndALinkToTheDispute() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        Map<String, Object> withdrawal = new HashMap<>(Map.of("type", "DISPUTE_UNKNOWN", "payment_order_id", "po_1",
                "psp_reference", "pi_1", "dispute_id", "dp_1", "balance_transaction_id", "txn_9",
                "seller_account", "s_1", "currency", "USD", "expected", "none",
                "actual", "WITHDRAWN 29.99 USD, fee 15.00 USD",
                "detail", "The PSP withdrew the disputed amount of dispute dp_1"));
        withdrawal.put("refund_id", null);
        Map<String, Object> missing = new HashMap<>(Map.of("type", "LEDGER_MISSING", "payment_order_id", "po_2",
                "psp_reference", "pi_2", "seller_account", "s_1", "currency", "EUR", "expected", "20.00 EUR",
                "actual", "none", "detail", "no ledger entry"));
        missing.put("refund_id", null);
        missing.put("dispute_id", null);
        Map<String, Object> report = new HashMap<>(Map.of("date", "2026-12-03", "status", "DISCREPANCIES",
                "rows_read", 3, "matched_count", 1, "discrepancy_count", 2, "malformed_count", 0,
                "trigger", "SCHEDULE", "finished_at", "2026-12-04T02:00:00Z", "totals", List.of(),
                "discrepancies", List.of(withdrawal, missing)));
        report.put("requested_by", null);
        report.put("error", null);
        when(api.get(eq(Backend.RECONCILIATION), eq("/api/v1/reconciliations/{date}"), any(), eq("2026-12-03")))
                .thenReturn(report);

        String page = mvc.perform(get("/reconciliation/2026-12-03").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String disputes = page.substring(page.indexOf(">DISPUTE_UNKNOWN<"));
        disputes = disputes.substring(0, disputes.indexOf("</section>"));
        assertThat(disputes).contains("that our books have not recorded", "Find the dispute on the Disputes page", "href=\"/disputes/dp_1\"", "href=\"/payment-orders/po_1\"",
                ">none<", ">WITHDRAWN 29.99 USD, fee 15.00 USD<")
                .as("the amounts carry their currency already").doesNotContain("USD USD", "none USD");
        assertThat(page).contains(">LEDGER_MISSING<", ">20.00 EUR<").doesNotContain("EUR EUR");
    }

}
