package dev.kassa.console.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may use which page, with the services behind {@link KassaApi} replaced: the browser tests (system-tests'
 * OperatorConsoleTest) prove the same against the whole system; these prove the rules one by one, quickly.
 */
class ConsoleAccessTest extends ConsolePageTest {

    @BeforeEach
    void anOrder() {
        Map<String, Object> order = new HashMap<>(Map.of("payment_order_id", "po_1", "checkout_id", "chk_1",
                "seller_account", "s_1", "amount", "20.00", "currency", "EUR", "status", "SUCCEEDED",
                "wallet_updated", true, "ledger_updated", true, "refunded_amount", "0.00", "refunds", List.of()));
        order.put("failure_code", null);
        order.put("psp_reference", "pi_1");
        order.put("attempts", 1);
        order.put("created_at", "2026-12-04T10:00:00Z");
        order.put("updated_at", "2026-12-04T10:00:01Z");
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}"), any(), any())).thenReturn(order);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}/history"), any(), any()))
                .thenReturn(Map.of("entries", List.of()));
    }

    @Test
    void withoutSigningInEveryPageLeadsToSignInAndHealthIsOpen() throws Exception {
        mvc.perform(get("/payments")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/sign-in"));
        mvc.perform(get("/sign-in")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void aKeyNoOperatorHasDoesNotSignIn() throws Exception {
        mvc.perform(post("/sign-in").param("key", "opk_someone_else_entirely_0000000000").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/sign-in?failed"));
        assertThat(mvc.perform(get("/sign-in?failed")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("not an operator key");
        mvc.perform(post("/sign-in").param("key", VIEWER_KEY))
                .andExpect(status().isForbidden()); // no CSRF token: not even a sign-in is taken
    }

    @Test
    void anAddressThatFailedToSignInTooOftenIsRefusedWithoutItsKeyBeingChecked() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/sign-in").param("key", "opk_guess_" + i).with(csrf()).with(from("10.0.0.9")))
                    .andExpect(header().string("Location", "/sign-in?failed"));
        }
        mvc.perform(post("/sign-in").param("key", VIEWER_KEY).with(csrf()).with(from("10.0.0.9")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(post("/sign-in").param("key", VIEWER_KEY).with(csrf()).with(from("10.0.0.10")))
                .andExpect(header().string("Location", "/")); // another address is not held back
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aViewerSeesAnOrderWithoutActionsAndAForgedRefundIsRefusedBeforeAnyServiceIsAsked() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);

        String page = mvc.perform(get("/payment-orders/po_1").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("po_1", "SUCCEEDED").doesNotContain("id=\"refund\"", "id=\"retry\"");
        assertThat(page).as("the key never reaches a page").doesNotContain(VIEWER_KEY);

        mvc.perform(post("/payment-orders/po_1/refund").session(viewer).with(csrf())
                        .param("refund_id", "rf_1").param("amount", "20.00"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/payment-orders/po_1/refund").session(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/dead-letters/replay").session(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/merchants").session(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/reconciliation/run").session(viewer).with(csrf())).andExpect(status().isForbidden());
        verify(api, never()).post(any(), anyString(), any(), any());
    }

    @Test
    void anOperatorRefundsThroughPaymentServiceWithTheFormsRefundId() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}/refunds"), any(), any()))
                .thenReturn(Map.of("refund_id", "rf_1", "amount", "5.00", "currency", "EUR", "status", "PENDING"));

        String page = mvc.perform(get("/payment-orders/po_1").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"refund\"");
        mvc.perform(post("/payment-orders/po_1/refund").session(operator).with(csrf())
                        .param("refund_id", "rf_1").param("amount", " 5.00 "))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/payment-orders/po_1"));

        verify(api).post(Backend.PAYMENT, "/api/v1/payment-orders/{id}/refunds",
                Map.of("refund_id", "rf_1", "amount", "5.00"), "po_1");
        mvc.perform(post("/payment-orders/po_1/refund").session(operator)
                        .param("refund_id", "rf_2").param("amount", "5.00"))
                .andExpect(status().isForbidden()); // without the CSRF token, even the operator's own session
    }

    @Test
    void aViewerOrFinanceSeesTheRiskBlocksWithoutActionsAndAForgedLiftOrBlockIsRefusedBeforeAnyServiceIsAsked()
            throws Exception {
        when(api.list(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenReturn(List.of(aBlock()));
        when(api.get(eq(Backend.PAYMENT), eq("/admin/risk/blocks/{id}"), any(), eq(12L))).thenReturn(aBlock());

        for (String key : List.of(VIEWER_KEY, FINANCE_KEY)) {
            MockHttpSession session = signIn(key);
            String page = mvc.perform(get("/risk").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("m_1:u_9", "velocity_buyer", "5 declined charges within 600 s")
                    .doesNotContain("id=\"add-block\"", "/risk/blocks/12/lift", "/risk/blocks/new");
            assertThat(mvc.perform(get("/risk/blocks/12").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString())
                    .contains("m_1:u_9").doesNotContain("id=\"lift\"", "/risk/blocks/12/lift");

            mvc.perform(get("/risk/blocks/12/lift").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/risk/blocks/12/lift").session(session).with(csrf())
                            .param("reason", "buyer verified by phone"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/risk/blocks/new").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/risk/blocks").session(session).with(csrf()).param("kind", "token")
                            .param("value", "tok_1").param("reason", "stolen"))
                    .andExpect(status().isForbidden());
        }
        // Any number of path variables: the block list's POST has none, a lift's has one.
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class));
    }

    @Test
    void anOperatorLiftsABlockThroughPaymentServiceWithTheReasonGiven() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.list(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenReturn(List.of(aBlock()));
        when(api.get(eq(Backend.PAYMENT), eq("/admin/risk/blocks/{id}"), any(), eq(12L))).thenReturn(aBlock());
        Map<String, Object> lifted = aBlock();
        lifted.put("active", false);
        lifted.put("lifted_by", "operator:otto");
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks/{id}/lift"), any(), eq(12L))).thenReturn(lifted);

        assertThat(mvc.perform(get("/risk").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("id=\"add-block\"", "href=\"/risk/blocks/12/lift\"");
        assertThat(mvc.perform(get("/risk/blocks/12/lift").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("name=\"reason\"", "required", "action=\"/risk/blocks/12/lift\"");

        mvc.perform(post("/risk/blocks/12/lift").session(operator).with(csrf()).param("reason", "  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/risk/blocks/12/lift"));
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class)); // no reason, no lift

        mvc.perform(post("/risk/blocks/12/lift").session(operator).with(csrf())
                        .param("reason", " buyer verified by phone "))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/risk/blocks/12"))
                .andExpect(flash().attribute("notice", containsString("Block 12 lifted")));
        verify(api).post(Backend.PAYMENT, "/admin/risk/blocks/{id}/lift",
                Map.of("reason", "buyer verified by phone"), 12L);
    }

    @Test
    void aLiftPaymentServiceRefusesShowsItsProblemDetail() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks/{id}/lift"), any(), eq(12L)))
                .thenThrow(new ServiceProblem(Backend.PAYMENT, 409, "Conflict",
                        "block_id: was lifted already, at 2026-12-04T15:00:00Z"));

        mvc.perform(post("/risk/blocks/12/lift").session(operator).with(csrf()).param("reason", "verified"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/risk/blocks/12"))
                .andExpect(flash().attribute("failure",
                        "Not lifted: block_id: was lifted already, at 2026-12-04T15:00:00Z"));
    }

    @Test
    void aViewerOrFinanceSeesTheDisputesWithoutAnswersAndAForgedAnswerIsRefusedBeforeAnyServiceIsAsked()
            throws Exception {
        when(api.list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any())).thenReturn(List.of(aDispute()));
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1"))).thenReturn(aDispute());

        for (String key : List.of(VIEWER_KEY, FINANCE_KEY)) {
            MockHttpSession session = signIn(key);
            assertThat(mvc.perform(get("/disputes").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString())
                    .contains("href=\"/disputes/dp_1\"", "NEEDS_RESPONSE", "fraudulent");
            assertThat(mvc.perform(get("/disputes/dp_1").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString())
                    .contains("29.99 USD", "NEEDS_RESPONSE")
                    .doesNotContain("id=\"evidence\"", "id=\"accept\"", "/disputes/dp_1/evidence",
                            "/disputes/dp_1/accept");

            mvc.perform(get("/disputes/dp_1/evidence").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/disputes/dp_1/evidence").session(session).with(csrf())
                            .param("uncategorized_text", "winning_evidence").param("submit", "true"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/disputes/dp_1/accept").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/disputes/dp_1/accept").session(session).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class));
    }

    @Test
    void anOperatorIsOfferedBothAnswersToADisputeThatNeedsOneAndNeedsTheCsrfToken() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1"))).thenReturn(aDispute());

        assertThat(mvc.perform(get("/disputes/dp_1").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("id=\"evidence\"", "href=\"/disputes/dp_1/evidence\"", "id=\"accept\"",
                        "href=\"/disputes/dp_1/accept\"");
        mvc.perform(get("/disputes/dp_1/evidence").session(operator)).andExpect(status().isOk());
        mvc.perform(get("/disputes/dp_1/accept").session(operator)).andExpect(status().isOk());
        mvc.perform(post("/disputes/dp_1/accept").session(operator)).andExpect(status().isForbidden());
        mvc.perform(post("/disputes/dp_1/evidence").session(operator).param("uncategorized_text", "x"))
                .andExpect(status().isForbidden());
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class));
    }

    /** A dispute waiting for the merchant's answer, as payment-service shows it. */
    private static Map<String, Object> aDispute() {
        Map<String, Object> dispute = new HashMap<>(Map.of("dispute_id", "dp_1", "payment_order_id", "po_1",
                "psp_reference", "pi_1", "amount", "29.99", "currency", "USD", "reason", "fraudulent",
                "status", "NEEDS_RESPONSE", "evidence_due_by", "2026-12-11T23:59:59Z",
                "created_at", "2026-12-04T10:00:00Z", "updated_at", "2026-12-04T10:00:00Z"));
        dispute.put("evidence_submitted_by", null);
        dispute.put("accepted_by", null);
        dispute.put("closed_at", null);
        return dispute;
    }

    /** A velocity rule's block, as payment-service shows it. */
    private static Map<String, Object> aBlock() {
        Map<String, Object> block = new HashMap<>(Map.of("block_id", 12, "kind", "buyer", "subject", "m_1:u_9",
                "rule", "velocity_buyer", "reason", "5 declined charges within 600 s", "active", true,
                "created_at", "2026-12-04T14:40:00Z", "expires_at", "2026-12-04T15:10:00Z"));
        block.put("created_by", null);
        block.put("lifted_at", null);
        block.put("lifted_by", null);
        block.put("lift_reason", null);
        return block;
    }

    @Test
    void aServicesProblemIsShownWithItsStatusAndDetail() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/payment-orders/{id}"), any(), eq("po_gone")))
                .thenThrow(new ServiceProblem(Backend.PAYMENT, 404, "Not found", "No payment order po_gone"));

        String page = mvc.perform(get("/payment-orders/po_gone").session(viewer)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("payment-service", "No payment order po_gone");
    }

}
