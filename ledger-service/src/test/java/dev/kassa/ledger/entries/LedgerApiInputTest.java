package dev.kassa.ledger.entries;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.ledger.LedgerAccessRules;
import dev.kassa.ledger.account.AccountController;
import dev.kassa.ledger.account.AccountVisibility;
import dev.kassa.ledger.account.Accounts;
import dev.kassa.ledger.trialbalance.TrialBalanceController;
import dev.kassa.ledger.trialbalance.TrialBalanceQueries;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractResultHandler;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ledger API's access rules, input rules and problem details, without the database (a web slice): every
 * malformed parameter is a 400 naming it, before any query runs; Spring MVC's own refusals are problem details too.
 */
@WebMvcTest(controllers = {EntriesController.class, AccountController.class, TrialBalanceController.class})
@Import({LedgerAccessRules.class, LedgerApiInputTest.ApiContractChecks.class})
@EnableConfigurationProperties(EntriesProperties.class)
@Tag("fast")
class LedgerApiInputTest {

    /** Every exchange checked against docs/api/ledger-service.json, as in the full-context tests. */
    @TestConfiguration
    static class ApiContractChecks {
        @Bean
        MockMvcBuilderCustomizer apiContract() {
            return builder -> builder.alwaysDo(ContractResultHandler.of("ledger-service"));
        }
    }

    @Autowired
    MockMvc http;
    @MockitoBean
    EntryQueries queries;
    @MockitoBean
    Accounts accounts;
    @MockitoBean
    TrialBalanceQueries trialBalance;
    @MockitoBean
    AccountVisibility visibility;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "limit|0",
            "limit|501",
            "limit|ten",
            "limit|-1",
            "cursor|not-a-cursor",
            "cursor|ZTotNQ",
            "account_id|cash",
            "account_id|seller_payable:a\\u0000b",
            "account_id|seller_payable:a\\u0085b",
            "payment_order_id|' '",
            "payment_order_id|po\\u00001",
            "payment_order_id|po\\u001b1"})
    void badEntryFiltersAre400ProblemsNamingTheParameter(String field, String escapedValue) throws Exception {
        http.perform(viewer(get("/api/v1/ledger/entries").param(field, unescape(escapedValue))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verifyNoInteractions(queries);
    }

    @ParameterizedTest
    @CsvSource({"cash", "seller_payable:", "seller_payable:a b", "PSP_RECEIVABLE", "seller_payable:a\\u001bb",
            "seller_payable:a\\u0085b"})
    void aMalformedAccountIdIsA400(String accountId) throws Exception {
        http.perform(viewer(get("/api/v1/ledger/accounts/{account_id}", unescape(accountId))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("account_id"));
        verifyNoInteractions(accounts);
    }

    /**
     * Spring Security's firewall refuses an encoded NUL in the path before routing (in a real server Tomcat already
     * has: LedgerAccessTest).
     */
    @Test
    void aNulInThePathIsRefusedBeforeTheController() throws Exception {
        http.perform(viewer(get("/api/v1/ledger/accounts/{account_id}", "seller_payable:a\u0000b")))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(accounts);
    }

    /** CSV cannot hold a NUL: the cases write control characters as Java escapes. */
    private static String unescape(String value) {
        return value.replace("\\u0000", "\u0000").replace("\\u001b", "\u001b").replace("\\u0085", "\u0085");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        http.perform(viewer(get("/api/v1/ledger/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    /** The API only reads: no rule allows a write, so the web module's deny-all answers before Spring MVC's 405. */
    @Test
    void aWriteToTheReadOnlyApiIsRefusedToEveryRole() throws Exception {
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            refused(http.perform(as(post("/api/v1/ledger/trial-balance").contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), key)), 403, "forbidden");
            refused(http.perform(as(delete("/api/v1/ledger/accounts/psp_receivable"), key)), 403, "forbidden");
        }
    }

    /**
     * Reads the entries, not the trial balance: the contract checks a 200's body, and in this slice only the
     * entries' mock can be given one to answer (the trial balance's types are its package's own).
     */
    @Test
    void everyOperatorRoleReadsAndNoUnknownKeyDoes() throws Exception {
        when(queries.page(any())).thenReturn(new EntriesPage(List.of(), null));
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            http.perform(as(get("/api/v1/ledger/entries"), key)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries").isEmpty());
        }
        refused(http.perform(get("/api/v1/ledger/trial-balance")), 401, "unauthenticated")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        // a merchant's secret key: without kassa.security.merchant-keys.verify-url (not set in this slice) nobody checks it
        refused(http.perform(as(get("/api/v1/ledger/trial-balance"), "sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345")),
                401, "unauthenticated");
    }

    private static MockHttpServletRequestBuilder viewer(MockHttpServletRequestBuilder request) {
        return as(request, TestKeys.VIEWER);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String key) {
        return request.header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key));
    }

    private static ResultActions refused(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/" + slug));
    }
}
