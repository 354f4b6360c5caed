package dev.kassa.ledger.entries;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.ledger.account.AccountController;
import dev.kassa.ledger.account.Accounts;
import dev.kassa.ledger.trialbalance.TrialBalanceController;
import dev.kassa.ledger.trialbalance.TrialBalanceQueries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger API's input rules and problem details, without the database (a web slice): every malformed
 * parameter is a 400 naming it, before any query runs; Spring MVC's own refusals are problem details too.
 */
@WebMvcTest(controllers = {EntriesController.class, AccountController.class, TrialBalanceController.class})
@EnableConfigurationProperties(EntriesProperties.class)
@Tag("fast")
class LedgerApiInputTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    EntryQueries queries;
    @MockitoBean
    Accounts accounts;
    @MockitoBean
    TrialBalanceQueries trialBalance;

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
            "payment_order_id|' '",
            "payment_order_id|po\\u00001",
            "payment_order_id|po\\u001b1"})
    void badEntryFiltersAre400ProblemsNamingTheParameter(String field, String escapedValue) throws Exception {
        http.perform(get("/api/v1/ledger/entries").param(field, unescape(escapedValue)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verifyNoInteractions(queries);
    }

    @ParameterizedTest
    @CsvSource({"cash", "seller_payable:", "seller_payable:a b", "PSP_RECEIVABLE", "seller_payable:a\\u0000b"})
    void aMalformedAccountIdIsA400(String accountId) throws Exception {
        http.perform(get("/api/v1/ledger/accounts/{account_id}", unescape(accountId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("account_id"));
        verifyNoInteractions(accounts);
    }

    /** CSV cannot hold a NUL: the cases write control characters as Java escapes. */
    private static String unescape(String value) {
        return value.replace("\\u0000", "\u0000").replace("\\u001b", "\u001b");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        http.perform(get("/api/v1/ledger/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aWriteToTheReadOnlyApiIsA405Problem() throws Exception {
        http.perform(post("/api/v1/ledger/trial-balance").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
