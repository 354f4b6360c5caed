package dev.kassa.console.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The Risk pages against a mocked {@link KassaApi}: what the list shows of each block and what it asks
 * payment-service for, and the block-list form's request and refusals. Who may use them: {@code ConsoleAccessTest}.
 */
class RiskPagesTest extends ConsolePageTest {

    @Test
    void theListShowsActiveBlocksByDefaultAndEachBlocksRuleSubjectReasonCreatorExpiryAndLift() throws Exception {
        MockHttpSession viewer = signIn(VIEWER_KEY);
        when(api.list(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any()))
                .thenReturn(List.of(velocityBlock(), liftedBlockListEntry(), expiredBlockListEntry()));

        mvc.perform(get("/risk").session(viewer)).andExpect(status().isOk());
        Map<String, Object> activeOnly = new HashMap<>();
        activeOnly.put("kind", null);
        activeOnly.put("subject", null);
        activeOnly.put("active", true);
        activeOnly.put("limit", 200);
        verify(api).list(Backend.PAYMENT, "/admin/risk/blocks", activeOnly);

        String page = mvc.perform(get("/risk").session(viewer)
                        .param("kind", "buyer").param("subject", "m_1:u_9").param("all", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api).list(Backend.PAYMENT, "/admin/risk/blocks",
                Map.of("kind", "buyer", "subject", "m_1:u_9", "active", false, "limit", 200));

        assertThat(page).contains("aria-current=\"page\">Risk</a>", "checked", "<option value=\"buyer\" selected");
        String velocity = row(page, 12);
        assertThat(velocity).contains("href=\"/risk/blocks/12\"", "ACTIVE", "badge bad", "velocity_buyer", "buyer",
                "m_1:u_9", "5 declined charges within 600 s", "2026-12-04 14:40:00 by the risk check",
                "2026-12-04 15:10:00");
        String lifted = row(page, 13);
        assertThat(lifted).contains("LIFTED", "block_list", "token", "tok_1Abc", "card reported stolen",
                "by operator:alice", "until lifted", "2026-12-05 09:00:00 by operator:otto", "card found by its owner")
                .doesNotContain("ACTIVE");
        assertThat(row(page, 14)).contains("EXPIRED", "address", "192.0.2.7", "2026-12-04 18:00:00")
                .doesNotContain("ACTIVE");
    }

    @Test
    void anOperatorIsOfferedTheLiftOfActiveBlocksOnly() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.list(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any()))
                .thenReturn(List.of(velocityBlock(), liftedBlockListEntry(), expiredBlockListEntry()));

        String page = mvc.perform(get("/risk").session(operator).param("all", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(row(page, 12)).contains("href=\"/risk/blocks/12/lift\"");
        assertThat(row(page, 13)).doesNotContain("/lift");
        assertThat(row(page, 14)).doesNotContain("/lift");
        assertThat(page).contains("id=\"add-block\"", "href=\"/risk/blocks/new\"");
    }

    @Test
    void aBlockShowsWhoLiftedItAndWhyAndItsAuditRecords() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.get(eq(Backend.PAYMENT), eq("/admin/risk/blocks/{id}"), any(), eq(13L)))
                .thenReturn(liftedBlockListEntry());
        when(api.list(eq(Backend.PAYMENT), eq("/admin/audit"), eq(Map.of("target_id", 13L)))).thenReturn(List.of(
                Map.of("occurred_at", "2026-12-05T09:00:00Z", "action", "RISK_BLOCK_LIFTED", "actor", "operator:otto",
                        "detail", "block_list lifted: card found by its owner", "request_id", "req_9",
                        "credential", "opk_AbCd", "client_address", "127.0.0.1"),
                Map.of("occurred_at", "2026-12-05T08:00:00Z", "action", "MERCHANT_CREATED", "actor", "operator:otto",
                        "detail", "a merchant whose id is 13", "request_id", "req_8",
                        "credential", "opk_AbCd", "client_address", "127.0.0.1")));

        String page = mvc.perform(get("/risk/blocks/13").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("LIFTED", "tok_1Abc", "2026-12-05 09:00:00 by operator:otto: card found by its owner",
                "risk block lifted", "block_list lifted: card found by its owner")
                .doesNotContain("id=\"lift\"", "a merchant whose id is 13");
    }

    @Test
    void anOperatorAddsABuyerToTheBlockListWithItsMerchantAndAnExpiryInUtc() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        Map<String, Object> created = new HashMap<>(Map.of("block_id", 15, "kind", "buyer", "subject", "m_1:u_9",
                "rule", "block_list", "active", true, "expires_at", "2026-12-31T00:00:00Z"));
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenReturn(created);

        assertThat(mvc.perform(get("/risk/blocks/new").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("action=\"/risk/blocks\"", "name=\"kind\"", "name=\"value\"", "name=\"merchant_id\"",
                        "name=\"reason\"", "name=\"expires_at\"");

        mvc.perform(post("/risk/blocks").session(operator).with(csrf()).param("kind", "buyer")
                        .param("value", " u_9 ").param("merchant_id", "m_1").param("reason", " chargebacks ")
                        .param("expires_at", "2026-12-31T00:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/risk/blocks/15"))
                .andExpect(flash().attribute("notice",
                        "Block 15 added: the risk check stops buyer m_1:u_9 until 2026-12-31T00:00:00Z."));

        verify(api).post(Backend.PAYMENT, "/admin/risk/blocks", Map.of("kind", "buyer", "value", "u_9",
                "merchant_id", "m_1", "reason", "chargebacks", "expires_at", "2026-12-31T00:00:00Z"));
    }

    @Test
    void aTokenIsBlockedWithoutTheMerchantFieldAndWithoutExpiryWhenLeftEmpty() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenReturn(new HashMap<>(Map.of(
                "block_id", 16, "kind", "token", "subject", "tok_1Abc", "rule", "block_list", "active", true)));

        mvc.perform(post("/risk/blocks").session(operator).with(csrf()).param("kind", "token")
                        .param("value", "tok_1Abc").param("merchant_id", "m_1").param("reason", "card reported stolen")
                        .param("expires_at", ""))
                .andExpect(header().string("Location", "/risk/blocks/16"))
                .andExpect(flash().attribute("notice",
                        "Block 16 added: the risk check stops token tok_1Abc until it is lifted."));

        verify(api).post(Backend.PAYMENT, "/admin/risk/blocks",
                Map.of("kind", "token", "value", "tok_1Abc", "reason", "card reported stolen"));
    }

    @Test
    void theServicesValidationErrorsAreShownBesideTheFieldsOfTheFormAsTyped() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenThrow(new ServiceProblem(
                Backend.PAYMENT, 400, "Invalid request",
                "value: must be a PSP token of A-Z, a-z, 0-9, '_' or '-'; expires_at: must be in the future",
                List.of(new FieldViolation("value", "must be a PSP token of A-Z, a-z, 0-9, '_' or '-'"),
                        new FieldViolation("expires_at", "must be in the future"))));

        String page = mvc.perform(post("/risk/blocks").session(operator).with(csrf()).param("kind", "token")
                        .param("value", "tok 1").param("reason", "card reported stolen")
                        .param("expires_at", "2020-01-01T00:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Not blocked: value: must be a PSP token",
                "id=\"value-error\">must be a PSP token of A-Z, a-z, 0-9, &#39;_&#39; or &#39;-&#39;</p>",
                "id=\"expires-at-error\">must be in the future</p>",
                "value=\"tok 1\"", ">card reported stolen</textarea>", "value=\"2020-01-01T00:00\"",
                "<option value=\"token\" selected")
                .doesNotContain("id=\"reason-error\"", "id=\"merchant-id-error\"");
    }

    @Test
    void aSubjectOnTheListAlreadyIsTheServicesConflictShownOnTheForm() throws Exception {
        MockHttpSession operator = signIn(OPERATOR_KEY);
        when(api.post(eq(Backend.PAYMENT), eq("/admin/risk/blocks"), any())).thenThrow(new ServiceProblem(
                Backend.PAYMENT, 409, "Conflict", "value: is on the block list already (block 13)",
                List.of(new FieldViolation("value", "is on the block list already (block 13)"))));

        String page = mvc.perform(post("/risk/blocks").session(operator).with(csrf()).param("kind", "token")
                        .param("value", "tok_1Abc").param("reason", "again"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Not blocked: value: is on the block list already (block 13)",
                "id=\"value-error\">is on the block list already (block 13)</p>", "value=\"tok_1Abc\"");
    }

    /** The table row of one block, to check what it shows beside what the other rows do. */
    private static String row(String page, int blockId) {
        int start = page.indexOf("data-block-id=\"" + blockId + "\"");
        assertThat(start).as("a row for block %d", blockId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static Map<String, Object> velocityBlock() {
        return block(12, "buyer", "m_1:u_9", "velocity_buyer", "5 declined charges within 600 s", true, null,
                "2026-12-04T15:10:00Z");
    }

    private static Map<String, Object> liftedBlockListEntry() {
        Map<String, Object> block = block(13, "token", "tok_1Abc", "block_list", "card reported stolen", false,
                "operator:alice", null);
        block.put("lifted_at", "2026-12-05T09:00:00Z");
        block.put("lifted_by", "operator:otto");
        block.put("lift_reason", "card found by its owner");
        return block;
    }

    private static Map<String, Object> expiredBlockListEntry() {
        return block(14, "address", "192.0.2.7", "block_list", "scripted checkouts", false, "operator:alice",
                "2026-12-04T18:00:00Z");
    }

    private static Map<String, Object> block(long id, String kind, String subject, String rule, String reason,
                                             boolean active, String createdBy, String expiresAt) {
        Map<String, Object> block = new HashMap<>(Map.of("block_id", id, "kind", kind, "subject", subject,
                "rule", rule, "reason", reason, "active", active, "created_at", "2026-12-04T14:40:00Z"));
        block.put("created_by", createdBy);
        block.put("expires_at", expiresAt);
        block.put("lifted_at", null);
        block.put("lifted_by", null);
        block.put("lift_reason", null);
        return block;
    }

}
