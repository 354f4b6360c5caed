package dev.kassa.console.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.console.ConsolePageTest;
import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * One payment order's page against a mocked {@link KassaApi}: what it shows of the risk check's stops, and of a
 * dispute (the order's status, a link to the dispute, no refund).
 */
class PaymentOrderPageTest extends ConsolePageTest {

    @Test
    void anOrderTheRiskCheckStoppedSaysSoAndShowsEachStopWithItsBlock() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        Map<String, Object> byLimit = new HashMap<>(Map.of("payment_order_id", "po_7", "attempt", 2,
                "rule", "amount_limit", "detail", "Stopped by risk rule amount_limit: above 500.00 EUR",
                "decided_at", "2026-12-04T15:00:00Z"));
        byLimit.put("block_id", null);
        anOrder("po_7", "FAILED", "risk_blocked",
                "Stopped by risk rule velocity_buyer (block 12): 5 declined charges within 600 s",
                List.of(Map.of("payment_order_id", "po_7", "attempt", 1, "rule", "velocity_buyer", "block_id", 12,
                        "detail", "Stopped by risk rule velocity_buyer (block 12): 5 declined charges within 600 s",
                        "decided_at", "2026-12-04T14:40:01.123Z"), byLimit));

        String page = mvc.perform(get("/payment-orders/po_7").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"risk-blocked\"", "STOPPED BY THE RISK CHECK", "The PSP was never called");
        String decisions = page.substring(page.indexOf("id=\"risk-decisions\""));
        decisions = decisions.substring(0, decisions.indexOf("</table>"));
        assertThat(decisions).contains("2026-12-04 14:40:01", "velocity_buyer", "href=\"/risk/blocks/12\"",
                "block 12", "5 declined charges within 600 s", "amount_limit", "above 500.00 EUR", "none");
        assertThat(decisions.indexOf("velocity_buyer")).isLessThan(decisions.indexOf("amount_limit"));
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("stopped by risk rule velocity_buyer", "attempt 1, block 12: Stopped by",
                "stopped by risk rule amount_limit");
    }

    @Test
    void anOrderTheRiskCheckDidNotStopHasNoRiskSection() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        anOrder("po_8", "FAILED", "card_declined", "Your card was declined.", null);

        String page = mvc.perform(get("/payment-orders/po_8").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("card_declined: Your card was declined.")
                .doesNotContain("id=\"risk-blocked\"", "id=\"risk-decisions\"", "stopped by risk rule");
    }

    @Test
    void retryingAnOrderTheRiskCheckStoppedWarnsThatTheRetryIsScreenedAgain() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        anOrder("po_7", "FAILED", "risk_blocked", "Stopped by risk rule block_list (block 13): card reported stolen",
                List.of());
        anOrder("po_8", "FAILED", "card_declined", "Your card was declined.", List.of());

        assertThat(mvc.perform(get("/payment-orders/po_7/retry").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"risk-retry\"");
        assertThat(mvc.perform(get("/payment-orders/po_8/retry").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("id=\"risk-retry\"");
    }

    @Test
    void aDisputedOrderSaysSoLinksToItsDisputeAndOffersNoRefund() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        anOrder("po_9", "DISPUTED", null, null, List.of());
        when(api.list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any())).thenReturn(List.of(
                dispute("dp_other", "po_1", "NEEDS_RESPONSE"), dispute("dp_9", "po_9", "NEEDS_RESPONSE")));

        String page = mvc.perform(get("/payment-orders/po_9").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        verify(api).list(Backend.PAYMENT, "/api/v1/disputes", Map.of("limit", 500));
        assertThat(page).contains("class=\"badge wait\">DISPUTED</span>", "id=\"disputed\"",
                "DISPUTED BY THE CARDHOLDER", "href=\"/disputes/dp_9\"", "20.00 EUR, fraudulent")
                .doesNotContain("id=\"refund\"", "/payment-orders/po_9/refund", "dp_other", "id=\"find-disputes\"");

        mvc.perform(get("/payment-orders/po_9/refund").session(operator))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/payment-orders/po_9"))
                .andExpect(flash().attribute("failure", "No refund: the order is DISPUTED, and takes none while a "
                        + "dispute is open or after it was lost."));
    }

    @Test
    void aChargedBackOrderSaysSoAndOffersNoRefundAlsoWhenItsDisputesCannotBeListed() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        anOrder("po_10", "CHARGED_BACK", null, null, List.of());
        when(api.list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any()))
                .thenThrow(new ServiceProblem(Backend.PAYMENT, 503, "Not answering", "payment-service did not answer"));

        String page = mvc.perform(get("/payment-orders/po_10").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"badge bad\">CHARGED_BACK</span>", "CHARGED BACK TO THE CARDHOLDER",
                "the money is back with the", "did not list its disputes",
                "href=\"/disputes?payment_order_id=po_10\"")
                .doesNotContain("id=\"refund\"", "/payment-orders/po_10/refund");
    }

    @Test
    void anUndisputedOrderAsksForNoDisputesAndKeepsItsRefund() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        anOrder("po_11", "SUCCEEDED", null, null, List.of());

        String page = mvc.perform(get("/payment-orders/po_11").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"refund\"", "href=\"/payment-orders/po_11/refund\"",
                "id=\"find-disputes\"", "href=\"/disputes?payment_order_id=po_11\"").doesNotContain("id=\"disputed\"");
        verify(api, never()).list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any());
        mvc.perform(get("/payment-orders/po_11/refund").session(operator)).andExpect(status().isOk());
    }

    private static Map<String, Object> dispute(String id, String orderId, String status) {
        Map<String, Object> dispute = new HashMap<>(Map.of("dispute_id", id, "payment_order_id", orderId,
                "amount", "20.00", "currency", "EUR", "reason", "fraudulent", "status", status));
        dispute.put("evidence_due_by", null);
        return dispute;
    }

    /** {@code riskDecisions} null: an answer without the field. */
    private void anOrder(String id, String status, String failureCode, String failureMessage,
                         List<Map<String, Object>> riskDecisions) {
        Map<String, Object> order = new HashMap<>(Map.of("payment_order_id", id, "checkout_id", "chk_7",
                "seller_account", "s_1", "amount", "20.00", "currency", "EUR", "status", status,
                "wallet_updated", false, "ledger_updated", false, "refunded_amount", "0.00", "refunds", List.of()));
        order.put("failure_code", failureCode);
        order.put("failure_message", failureMessage);
        order.put("psp_reference", null);
        order.put("attempts", 2);
        order.put("created_at", "2026-12-04T14:40:00Z");
        order.put("updated_at", "2026-12-04T15:00:00Z");
        if (riskDecisions != null) {
            order.put("risk_decisions", riskDecisions);
        }
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}"), any(), eq(id))).thenReturn(order);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}/history"), any(), eq(id)))
                .thenReturn(Map.of("entries", List.of()));
    }

}
