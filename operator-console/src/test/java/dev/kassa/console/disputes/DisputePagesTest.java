package dev.kassa.console.disputes;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.kassa.web.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The Disputes pages against a mocked {@link KassaApi}: what the list shows of each dispute (and which are due soon)
 * and what it asks payment-service for, one dispute with its audit records, and the two answers: the evidence form's
 * request and refusals, and accepting. Who may use them: {@code ConsoleAccessTest}.
 */
class DisputePagesTest extends ConsolePageTest {

    private static final String EVIDENCE = "/api/v1/disputes/{id}/evidence";
    private static final String ACCEPT = "/api/v1/disputes/{id}/accept";

    @Test
    void theListShowsEachDisputesOrderAmountReasonStatusDueDateAndWhoAnsweredAndWhatItAsksFor() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        Instant dueTomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant dueInFiveDays = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> answered = dispute("dp_2", "po_2", "UNDER_REVIEW", dueTomorrow);
        answered.put("evidence_submitted_by", "merchant:m_1");
        Map<String, Object> accepted = dispute("dp_3", "po_3", "ACCEPTED", dueTomorrow);
        accepted.put("accepted_by", "operator:otto");
        accepted.put("closed_at", "2026-12-06T10:00:00Z");
        when(api.list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any())).thenReturn(List.of(
                dispute("dp_1", "po_1", "NEEDS_RESPONSE", dueTomorrow), answered, accepted,
                dispute("dp_4", "po_4", "NEEDS_RESPONSE", dueInFiveDays),
                dispute("dp_5", "po_5", "NEEDS_RESPONSE", Instant.parse("2026-01-01T00:00:00Z"))));

        String page = mvc.perform(get("/disputes").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> any = new HashMap<>();
        any.put("status", null);
        any.put("limit", 200);
        verify(api).list(Backend.PAYMENT, "/api/v1/disputes", any);

        assertThat(page).contains("aria-current=\"page\">Disputes</a>");
        assertThat(row(page, "dp_1")).contains("href=\"/disputes/dp_1\"", "href=\"/payment-orders/po_1\"",
                "29.99 USD", "fraudulent", "badge bad", "NEEDS_RESPONSE", "class=\"due\"", "due soon",
                TIME.apply(dueTomorrow)).doesNotContain("overdue", "evidence by", "accepted by");
        assertThat(row(page, "dp_2")).contains("UNDER_REVIEW", "badge wait", "evidence by merchant:m_1")
                .as("answered: no longer waits for evidence").doesNotContain("due soon", "class=\"due\"");
        assertThat(row(page, "dp_3")).contains("ACCEPTED", "accepted by operator:otto").doesNotContain("due soon");
        assertThat(row(page, "dp_4")).contains("NEEDS_RESPONSE", TIME.apply(dueInFiveDays))
                .as("more than two days left").doesNotContain("due soon", "class=\"due\"");
        assertThat(row(page, "dp_5")).contains("2026-01-01 00:00:00", "overdue", "class=\"due\"");

        mvc.perform(get("/disputes").session(viewer).param("status", "NEEDS_RESPONSE")).andExpect(status().isOk());
        verify(api).list(Backend.PAYMENT, "/api/v1/disputes", Map.of("status", "NEEDS_RESPONSE", "limit", 200));
    }

    @Test
    void anOrdersDisputesAreFoundAmongTheNewest500() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        when(api.list(eq(Backend.PAYMENT), eq("/api/v1/disputes"), any())).thenReturn(List.of(
                dispute("dp_1", "po_1", "NEEDS_RESPONSE", null), dispute("dp_2", "po_2", "WON", null),
                dispute("dp_3", "po_1", "LOST", null)));

        String page = mvc.perform(get("/disputes").session(viewer).param("payment_order_id", " po_1 "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Map<String, Object> newest = new HashMap<>();
        newest.put("status", null);
        newest.put("limit", 500);
        verify(api).list(Backend.PAYMENT, "/api/v1/disputes", newest);
        assertThat(page).contains("data-dispute-id=\"dp_1\"", "data-dispute-id=\"dp_3\"", "id=\"order-filter\"",
                "value=\"po_1\"").doesNotContain("data-dispute-id=\"dp_2\"");
    }

    @Test
    void aDisputeShowsItsFactsAndItsAuditRecordsAndAnOperatorItsAnswers() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", Instant.parse("2026-01-11T23:59:59Z")));
        when(api.list(eq(Backend.PAYMENT), eq("/admin/audit"), eq(Map.of("target_id", "dp_1")))).thenReturn(List.of(
                Map.of("occurred_at", "2026-12-05T09:00:00Z", "action", "DISPUTE_EVIDENCE_SUBMITTED",
                        "actor", "operator:otto", "detail", "evidence staged: shipping_tracking_number",
                        "request_id", "req_9", "credential", "opk_AbCd", "client_address", "127.0.0.1"),
                Map.of("occurred_at", "2026-12-05T08:00:00Z", "action", "MERCHANT_CREATED", "actor", "operator:otto",
                        "detail", "a merchant whose id is dp_1", "request_id", "req_8",
                        "credential", "opk_AbCd", "client_address", "127.0.0.1")));

        String page = mvc.perform(get("/disputes/dp_1").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"dispute-id\">dp_1", "href=\"/payment-orders/po_1\"", "pi_1", "29.99 USD",
                "fraudulent", "2026-01-11 23:59:59 UTC", "overdue", "nobody yet",
                "dispute evidence submitted", "evidence staged: shipping_tracking_number", "operator:otto",
                "id=\"evidence\"", "href=\"/disputes/dp_1/evidence\"", "id=\"accept\"", "href=\"/disputes/dp_1/accept\"",
                "href=\"/disputes?payment_order_id=po_1\"")
                .doesNotContain("a merchant whose id is dp_1");
    }

    @Test
    void aDisputeThatNoLongerNeedsAResponseOffersNoAnswer() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        Map<String, Object> underReview = dispute("dp_2", "po_2", "UNDER_REVIEW", null);
        underReview.put("evidence_submitted_by", "operator:otto");
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_2"))).thenReturn(underReview);

        String page = mvc.perform(get("/disputes/dp_2").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("UNDER_REVIEW", "operator:otto", "No audit record")
                .doesNotContain("id=\"evidence\"", "id=\"accept\"", "/disputes/dp_2/evidence", "/disputes/dp_2/accept");
    }

    @Test
    void theEvidenceFormOffersStripesCommonFieldsAndSubmitsNowByDefault() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", Instant.now().plus(Duration.ofDays(6))));

        String page = mvc.perform(get("/disputes/dp_1/evidence").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("action=\"/disputes/dp_1/evidence\"", "name=\"customer_communication\"",
                "name=\"uncategorized_text\"", "name=\"shipping_tracking_number\"", "name=\"shipping_carrier\"",
                "<strong>on the merchant's behalf</strong>", "29.99 USD", "name=\"_csrf\"")
                .doesNotContain("id=\"overdue\"");
        String submit = page.substring(page.indexOf("id=\"submit-now\""));
        assertThat(submit.substring(0, submit.indexOf('>'))).contains("name=\"submit\"", "value=\"true\"", "checked");
    }

    @Test
    void evidenceSendsOnlyTheFieldsFilledInAndSubmitsThem() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq(EVIDENCE), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "UNDER_REVIEW", null));

        mvc.perform(post("/disputes/dp_1/evidence").session(operator).with(csrf())
                        .param("customer_communication", " Buyer confirmed delivery by mail ")
                        .param("uncategorized_text", "   ").param("shipping_tracking_number", "1Z999")
                        .param("shipping_carrier", "").param("submit", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/disputes/dp_1"))
                .andExpect(flash().attribute("notice", "Evidence for dispute dp_1 submitted to the PSP on the "
                        + "merchant's behalf: the dispute is UNDER_REVIEW."));

        verify(api).post(Backend.PAYMENT, EVIDENCE, Map.of("evidence", Map.of(
                "customer_communication", "Buyer confirmed delivery by mail", "shipping_tracking_number", "1Z999"),
                "submit", true), "dp_1");
    }

    @Test
    void evidenceWithSubmitNowUntickedIsOnlyStaged() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq(EVIDENCE), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", null));

        mvc.perform(post("/disputes/dp_1/evidence").session(operator).with(csrf())
                        .param("uncategorized_text", "tracking to follow"))
                .andExpect(header().string("Location", "/disputes/dp_1"))
                .andExpect(flash().attribute("notice", "Evidence for dispute dp_1 staged at the PSP, not submitted "
                        + "yet: the dispute is NEEDS_RESPONSE."));

        verify(api).post(Backend.PAYMENT, EVIDENCE,
                Map.of("evidence", Map.of("uncategorized_text", "tracking to follow"), "submit", false), "dp_1");
    }

    @Test
    void evidenceWithNoFieldFilledInIsNotSent() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", null));

        String page = mvc.perform(post("/disputes/dp_1/evidence").session(operator).with(csrf())
                        .param("customer_communication", " ").param("submit", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Nothing sent: fill in at least one field.", "action=\"/disputes/dp_1/evidence\"");
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class));
    }

    @Test
    void theServicesValidationErrorsAreShownBesideTheFieldsOfTheFormAsTyped() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", null));
        when(api.post(eq(Backend.PAYMENT), eq(EVIDENCE), any(), eq("dp_1"))).thenThrow(new ServiceProblem(
                Backend.PAYMENT, 400, "Invalid request",
                "evidence[shipping_tracking_number]: must not contain a card number",
                List.of(new FieldViolation("evidence[shipping_tracking_number]", "must not contain a card number"))));

        String page = mvc.perform(post("/disputes/dp_1/evidence").session(operator).with(csrf())
                        .param("customer_communication", "Buyer confirmed delivery")
                        .param("shipping_tracking_number", "4242 4242 4242 4242"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Not sent: evidence[shipping_tracking_number]: must not contain a card number",
                "id=\"shipping-tracking-number-error\">must not contain a card number</p>",
                ">Buyer confirmed delivery</textarea>", "value=\"4242 4242 4242 4242\"")
                .doesNotContain("id=\"customer-communication-error\"", "id=\"shipping-carrier-error\"");
        String submit = page.substring(page.indexOf("id=\"submit-now\""));
        assertThat(submit.substring(0, submit.indexOf('>'))).as("left unticked, as typed").doesNotContain("checked");
    }

    @Test
    void evidenceTheServiceNoLongerTakesShowsItsProblemDetail() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "UNDER_REVIEW", null));
        when(api.post(eq(Backend.PAYMENT), eq(EVIDENCE), any(), eq("dp_1"))).thenThrow(new ServiceProblem(
                Backend.PAYMENT, 409, "Conflict",
                "status: evidence is taken while a dispute NEEDS_RESPONSE; this one is UNDER_REVIEW",
                List.of(new FieldViolation("status", "evidence is taken while a dispute NEEDS_RESPONSE"))));

        String page = mvc.perform(post("/disputes/dp_1/evidence").session(operator).with(csrf())
                        .param("uncategorized_text", "more").param("submit", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(
                "Not sent: status: evidence is taken while a dispute NEEDS_RESPONSE; this one is UNDER_REVIEW",
                ">more</textarea>", "UNDER_REVIEW");
    }

    @Test
    void acceptingIsConfirmedOnAPageThatSaysTheMoneyStaysWithTheCardholder() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/api/v1/disputes/{id}"), any(), eq("dp_1")))
                .thenReturn(dispute("dp_1", "po_1", "NEEDS_RESPONSE", null));
        Map<String, Object> accepted = dispute("dp_1", "po_1", "ACCEPTED", null);
        accepted.put("accepted_by", "operator:otto");
        when(api.post(eq(Backend.PAYMENT), eq(ACCEPT), any(), eq("dp_1"))).thenReturn(accepted);

        String page = mvc.perform(get("/disputes/dp_1/accept").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/disputes/dp_1/accept\"", "<strong>the money stays with the cardholder</strong>",
                "29.99 USD", "CHARGED_BACK");
        verify(api, never()).post(any(), anyString(), any(), any(Object[].class)); // the page alone accepts nothing

        mvc.perform(post("/disputes/dp_1/accept").session(operator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/disputes/dp_1"))
                .andExpect(flash().attribute("notice", "Dispute dp_1 accepted on the merchant's behalf: it is "
                        + "ACCEPTED, and 29.99 USD stays with the cardholder."));
        verify(api).post(Backend.PAYMENT, ACCEPT, Map.of(), "dp_1");
    }

    @Test
    void anAcceptPaymentServiceRefusesShowsItsProblemDetail() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq(ACCEPT), any(), eq("dp_1"))).thenThrow(new ServiceProblem(
                Backend.PAYMENT, 409, "Conflict",
                "status: only a dispute that NEEDS_RESPONSE can be accepted; this one is WON"));

        mvc.perform(post("/disputes/dp_1/accept").session(operator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/disputes/dp_1"))
                .andExpect(flash().attribute("failure",
                        "Not accepted: status: only a dispute that NEEDS_RESPONSE can be accepted; this one is WON"));
    }

    /** How the pages show an instant: UTC, to the second. */
    private static final Function<Instant, String> TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC)::format;

    /** The table row of one dispute, to check what it shows beside what the other rows do. */
    private static String row(String page, String disputeId) {
        int start = page.indexOf("data-dispute-id=\"" + disputeId + "\"");
        assertThat(start).as("a row for dispute %s", disputeId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** A dispute of 29.99 USD as payment-service shows it, not answered yet. */
    static Map<String, Object> dispute(String id, String orderId, String status, Instant evidenceDueBy) {
        Map<String, Object> dispute = new HashMap<>(Map.of("dispute_id", id, "payment_order_id", orderId,
                "psp_reference", "pi_1", "amount", "29.99", "currency", "USD", "reason", "fraudulent",
                "status", status, "created_at", "2026-12-04T10:00:00Z", "updated_at", "2026-12-04T10:00:00Z"));
        dispute.put("evidence_due_by", evidenceDueBy == null ? null : evidenceDueBy.toString());
        dispute.put("evidence_submitted_by", null);
        dispute.put("accepted_by", null);
        dispute.put("closed_at", null);
        return dispute;
    }

}
