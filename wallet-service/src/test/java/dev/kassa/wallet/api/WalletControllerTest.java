package dev.kassa.wallet.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The read API's input rules and problem details, without the database (a web slice). */
@WebMvcTest(WalletController.class)
@EnableConfigurationProperties(WalletApiProperties.class)
@Tag("fast")
class WalletControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    WalletBalances balances;
    @MockitoBean
    Movements movements;

    @Test
    void aWalletIsAnsweredAsBefore() throws Exception {
        when(balances.findByIdAccountIdOrderByIdCurrency("seller_1")).thenReturn(List.of(new WalletBalance(
                new WalletBalance.Key("seller_1", "USD"), 2999, Instant.parse("2026-01-02T03:04:05Z"))));

        http.perform(get("/api/v1/wallets/seller_1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account_id").value("seller_1"))
                .andExpect(jsonPath("$.balances[0].amount").value("29.99"));
    }

    @Test
    void anUnknownAccountIsA404NamingTheAccount() throws Exception {
        when(balances.findByIdAccountIdOrderByIdCurrency(anyString())).thenReturn(List.of());

        http.perform(get("/api/v1/wallets/seller_never_paid"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("account_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5", "99999999999", ""})
    void aLimitOutOfBoundsIsA400ProblemNamingTheField(String limit) throws Exception {
        invalid(http.perform(get("/api/v1/wallets/seller_1/movements").param("limit", limit)), "limit");
        verifyNoInteractions(balances, movements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "bTEuMA", "bTEuLTE", "eDEuNQ", "bTEuOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk"})
    void aCursorThisApiDidNotIssueIsA400Problem(String cursor) throws Exception {
        invalid(http.perform(get("/api/v1/wallets/seller_1/movements").param("cursor", cursor)), "cursor");
        verifyNoInteractions(balances, movements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad$account", "bad account", "seller_1%00", "4242424242424242"})
    void aMalformedAccountIdIsA400Problem(String accountId) throws Exception {
        invalid(http.perform(get("/api/v1/wallets/" + accountId)), "account_id");
        invalid(http.perform(get("/api/v1/wallets/" + accountId + "/movements")), "account_id");
        invalid(http.perform(get("/api/v1/wallets/" + "x".repeat(65))), "account_id");
        verifyNoInteractions(balances, movements);
    }

    @Test
    void listingWalletsNeedsTheBelowZeroFilter() throws Exception {
        invalid(http.perform(get("/api/v1/wallets")), "below_zero");
        invalid(http.perform(get("/api/v1/wallets").param("below_zero", "maybe")), "below_zero");
        invalid(http.perform(get("/api/v1/wallets").param("below_zero", "true").param("limit", "0")), "limit");
        verifyNoInteractions(balances, movements);
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        http.perform(get("/api/v1/wallet-typo"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static ResultActions invalid(ResultActions result, String field) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/invalid-request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
