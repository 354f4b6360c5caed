package dev.kassa.wallet.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractResultHandler;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/** The read API's access rules, input rules and problem details, without the database (a web slice). */
@WebMvcTest(WalletController.class)
@Import({WalletAccessRules.class, WalletControllerTest.ApiContractChecks.class})
@EnableConfigurationProperties(WalletApiProperties.class)
@Tag("fast")
class WalletControllerTest {

    /** Every exchange checked against docs/api/wallet-service.json, as in the full-context tests. */
    @TestConfiguration
    static class ApiContractChecks {
        @Bean
        MockMvcBuilderCustomizer apiContract() {
            return builder -> builder.alwaysDo(ContractResultHandler.of("wallet-service"));
        }
    }

    @Autowired
    MockMvc http;
    @MockitoBean
    WalletBalances balances;
    @MockitoBean
    Movements movements;

    @Test
    void aWalletIsAnsweredAsBefore() throws Exception {
        when(balances.findByIdAccountIdOrderByIdCurrency("seller_1")).thenReturn(List.of(new WalletBalance(
                new WalletBalance.Key("seller_1", "USD"), 2999, Instant.parse("2026-01-02T03:04:05Z"), "m_1")));

        http.perform(viewer(get("/api/v1/wallets/seller_1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account_id").value("seller_1"))
                .andExpect(jsonPath("$.balances[0].amount").value("29.99"));
    }

    @Test
    void anUnknownAccountIsA404NamingTheAccount() throws Exception {
        when(balances.findByIdAccountIdOrderByIdCurrency(anyString())).thenReturn(List.of());

        http.perform(viewer(get("/api/v1/wallets/seller_never_paid")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("account_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5", "99999999999", ""})
    void aLimitOutOfBoundsIsA400ProblemNamingTheField(String limit) throws Exception {
        invalid(http.perform(viewer(get("/api/v1/wallets/seller_1/movements").param("limit", limit))), "limit");
        verifyNoInteractions(balances, movements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "bTEuMA", "bTEuLTE", "eDEuNQ", "bTEuOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk"})
    void aCursorThisApiDidNotIssueIsA400Problem(String cursor) throws Exception {
        invalid(http.perform(viewer(get("/api/v1/wallets/seller_1/movements").param("cursor", cursor))), "cursor");
        verifyNoInteractions(balances, movements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad$account", "bad account", "4242424242424242"})
    void aMalformedAccountIdIsA400Problem(String accountId) throws Exception {
        invalid(http.perform(viewer(get("/api/v1/wallets/" + accountId))), "account_id");
        invalid(http.perform(viewer(get("/api/v1/wallets/" + accountId + "/movements"))), "account_id");
        invalid(http.perform(viewer(get("/api/v1/wallets/" + "x".repeat(65)))), "account_id");
        verifyNoInteractions(balances, movements);
    }

    /**
     * Spring Security's firewall refuses an encoded NUL in the path before routing (in a real server Tomcat already
     * has); control characters that reach the controller are 400 problems (WalletAccessTest, over HTTP).
     */
    @Test
    void aNulInThePathIsRefusedBeforeTheController() throws Exception {
        http.perform(viewer(get("/api/v1/wallets/seller_1%00"))).andExpect(status().isBadRequest());
        verifyNoInteractions(balances, movements);
    }

    @Test
    void listingWalletsNeedsTheBelowZeroFilter() throws Exception {
        invalid(http.perform(viewer(get("/api/v1/wallets"))), "below_zero");
        invalid(http.perform(viewer(get("/api/v1/wallets").param("below_zero", "maybe"))), "below_zero");
        invalid(http.perform(viewer(get("/api/v1/wallets").param("below_zero", "true").param("limit", "0"))), "limit");
        verifyNoInteractions(balances, movements);
    }

    @Test
    void anUnknownPathUnderTheApiIsA404ProblemAndAnyOtherIsRefusedByDenyAll() throws Exception {
        http.perform(viewer(get("/api/v1/wallets/seller_1/typo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        refused(http.perform(as(get("/api/v1/wallet-typo"), TestKeys.OPERATOR)), 403, "forbidden");
    }

    @Test
    void everyOperatorRoleReadsAndNobodyWrites() throws Exception {
        when(balances.findByIdAccountIdOrderByIdCurrency("seller_1")).thenReturn(List.of(new WalletBalance(
                new WalletBalance.Key("seller_1", "USD"), 2999, Instant.parse("2026-01-02T03:04:05Z"), "m_1")));
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            http.perform(as(get("/api/v1/wallets/seller_1"), key)).andExpect(status().isOk());
            // no write is declared: the web module's deny-all answers before any controller could say 405
            refused(http.perform(as(post("/api/v1/wallets/seller_1").contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), key)), 403, "forbidden");
            refused(http.perform(as(delete("/api/v1/wallets/seller_1"), key)), 403, "forbidden");
        }
    }

    @Test
    void withoutAKnownKeyNothingIsRead() throws Exception {
        refused(http.perform(get("/api/v1/wallets/seller_1")), 401, "unauthenticated")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        // a merchant's secret key: wallet-service checks no merchant keys, so it is no credential here
        refused(http.perform(as(get("/api/v1/wallets/seller_1"), "sk_test_AbCdEfGhIjKlMnOpQrStUvWxYz012345")),
                401, "unauthenticated");
        refused(http.perform(as(get("/api/v1/wallets/seller_1"), "opk_notAKeyAnyoneHas0000000000000000")),
                401, "unauthenticated");
        verifyNoInteractions(balances, movements);
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
