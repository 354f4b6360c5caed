package dev.kassa.console.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** One payment order's page against a mocked {@link KassaApi}: what it shows of the risk check's stops. */
@Tag("fast")
@SpringBootTest(properties = { // the operators of ConsoleAccessTest: the test classes share one application context
        "kassa.security.operators[0].name=vera",
        "kassa.security.operators[0].roles=VIEWER",
        "kassa.security.operators[0].key-sha256=2e82f2f6f04b5fb312309354ea7d6f82e1836674b6705d0ee2b56a3884a7de03",
        "kassa.security.operators[1].name=otto",
        "kassa.security.operators[1].roles=OPERATOR",
        "kassa.security.operators[1].key-sha256=af487001eb41ca73a92a8fe5fa6164154b489df48a579e6c023369635480d82f",
        "kassa.security.operators[2].name=fina",
        "kassa.security.operators[2].roles=FINANCE",
        "kassa.security.operators[2].key-sha256=37176461cbdcc1a9255a40fe664cd716064083d2611a87eba61c57952fbb01a7",
        "kassa.security.rate-limit.failed-auth-per-minute=3"})
@AutoConfigureMockMvc
class PaymentOrderPageTest {

    static final String VIEWER_KEY = "opk_console_test_viewer_key_000000000";
    static final String OPERATOR_KEY = "opk_console_test_operator_key_0000000";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KassaApi api;

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

    private MockHttpSession signIn(String key) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in").param("key", key).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"))
                .andReturn().getRequest().getSession();
    }
}
