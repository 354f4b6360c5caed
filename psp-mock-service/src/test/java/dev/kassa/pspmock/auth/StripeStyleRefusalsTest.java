package dev.kassa.pspmock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.KassaAuthentication;
import dev.kassa.web.security.KassaRole;
import dev.kassa.web.security.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The refusals' bodies; the 401s and 403s are also seen over HTTP in ApiKeyTest and AccessRulesTest. */
@Tag("fast")
class StripeStyleRefusalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StripeStyleRefusals refusals = new StripeStyleRefusals(new ApiJson(JSON));

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void tooManyRequestsIsARateLimitError() throws Exception {
        JsonNode error = write(new MockHttpServletRequest(), Refusal.RATE_LIMITED, "too many requests with this key; "
                + "retry after 2 s", 429);

        assertThat(error.path("type").stringValue()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").stringValue()).isEqualTo("rate_limit");
        assertThat(error.path("message").stringValue()).contains("retry after 2 s");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void anOverloadedServiceAnswersStripesRetryableApiError() throws Exception {
        JsonNode error = write(new MockHttpServletRequest(), Refusal.OVERLOADED, "the service is handling as many "
                + "requests as it can (6)", 503);

        assertThat(error.path("type").stringValue()).isEqualTo("api_error");
        assertThat(error.path("message").stringValue()).contains("as many requests as it can (6)");
    }

    @Test
    void forbiddenNamesTheVisiblePrefixOfTheKey() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new KassaAuthentication(
                KassaActor.operator("test-viewer", Set.of(KassaRole.VIEWER), "opk_test")));

        JsonNode error = write(new MockHttpServletRequest(), Refusal.FORBIDDEN, "your role does not allow this request",
                403);

        assertThat(error.path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").stringValue()).isEqualTo("forbidden");
        assertThat(error.path("message").stringValue())
                .isEqualTo("The provided key 'opk_test…' does not have the required permissions for this endpoint.");
    }

    @Test
    void unauthenticatedSaysWhetherAKeyWasSent() throws Exception {
        assertThat(write(new MockHttpServletRequest(), Refusal.UNAUTHENTICATED, "", 401).path("code").stringValue())
                .isEqualTo("api_key_missing");
        MockHttpServletRequest withKey = new MockHttpServletRequest();
        withKey.addHeader("Authorization", "Bearer sk_test_wrong");
        assertThat(write(withKey, Refusal.UNAUTHENTICATED, "", 401).path("code").stringValue())
                .isEqualTo("api_key_invalid");
    }

    private JsonNode write(MockHttpServletRequest request, Refusal refusal, String detail, int status) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        refusals.write(request, response, refusal, detail);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/json");
        return JSON.readTree(response.getContentAsString()).path("error");
    }
}
