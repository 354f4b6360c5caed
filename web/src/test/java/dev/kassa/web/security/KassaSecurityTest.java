package dev.kassa.web.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Authentication and authorization as every service gets them from the web module. */
@WebMvcTest(controllers = SecuredController.class)
@Tag("fast")
class KassaSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAnonymousRequestIsRefusedWith401AndAProblemDetail() throws Exception {
        refused(mvc.perform(get("/secured/read")), 401, "unauthenticated")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.instance").value("/secured/read"));
    }

    @Test
    void anUnknownOrMalformedKeyIsRefusedWith401InvalidToken() throws Exception {
        for (String header : new String[] {"Bearer opk_notAKeyAnyoneHas0000000000000000", "Bearer sk_test_other",
                "Bearer not-a-key-or-a-jwt", "Basic dXNlcjpwYXNz"}) {
            ResultActions result = refused(mvc.perform(get("/secured/read").header(HttpHeaders.AUTHORIZATION, header)),
                    401, "unauthenticated");
            if (header.startsWith("Bearer")) {
                result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.startsWith("Bearer error=\"invalid_token\"")));
            }
        }
    }

    @Test
    void eachOperatorRoleReadsAndOnlyTheOperatorActs() throws Exception {
        for (String key : new String[] {TestKeys.OPERATOR, TestKeys.FINANCE, TestKeys.VIEWER}) {
            mvc.perform(as(get("/secured/read"), key)).andExpect(status().isOk());
        }
        mvc.perform(as(post("/secured/act"), TestKeys.OPERATOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("operator:test-operator"))
                .andExpect(jsonPath("$.credential").value("opk_test"));
        refused(mvc.perform(as(post("/secured/act"), TestKeys.VIEWER)), 403, "forbidden");
        refused(mvc.perform(as(post("/secured/act"), TestKeys.FINANCE)), 403, "forbidden");
    }

    @Test
    void aMerchantKeyReachesMerchantEndpointsOnly() throws Exception {
        mvc.perform(as(get("/secured/merchant"), dev.kassa.web.WebTestApplication.MERCHANT_KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("merchant:m_a"));
        refused(mvc.perform(as(get("/secured/read"), dev.kassa.web.WebTestApplication.MERCHANT_KEY)), 403, "forbidden");
        refused(mvc.perform(as(get("/secured/merchant"), TestKeys.OPERATOR)), 403, "forbidden");
    }

    @Test
    void anEndpointNoRuleDeclaresIsRefusedToEveryone() throws Exception {
        refused(mvc.perform(as(get("/secured/undeclared"), TestKeys.OPERATOR)), 403, "forbidden");
        refused(mvc.perform(get("/secured/undeclared")), 401, "unauthenticated");
        refused(mvc.perform(get("/nothing/here")), 401, "unauthenticated");
    }

    @Test
    void pathTricksDoNotGetPastTheRules() throws Exception {
        // A matrix parameter or an encoded letter once walked past a hand-written prefix check.
        refused(mvc.perform(get("/admin;x=1/faults")), 400, "invalid-request");
        mvc.perform(get("/%61dmin/faults")).andExpect(status().is4xxClientError())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
                        .isIn(400, 401));
        mvc.perform(as(get("/admin/faults"), TestKeys.VIEWER)).andExpect(status().isForbidden());
    }

    @Test
    void everyAnswerCarriesARequestIdTheCallersIfItIsAPlainToken() throws Exception {
        mvc.perform(as(get("/secured/read"), TestKeys.VIEWER).header("X-Request-Id", "checkout-42"))
                .andExpect(header().string("X-Request-Id", "checkout-42"));
        mvc.perform(get("/secured/read").header("X-Request-Id", "bad id\twith controls"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("req_[0-9a-f-]{36}")));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String key) {
        return request.header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key));
    }

    private static ResultActions refused(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/" + slug))
                .andExpect(jsonPath("$.status").value(status));
    }
}
