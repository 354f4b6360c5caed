package dev.kassa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.testfixtures.MerchantKeysEndpoint;
import dev.kassa.testfixtures.TestKeys;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A service without merchants of its own (wallet, ledger) takes a merchant key for what payment-service says it is. */
@WebMvcTest(controllers = SecuredController.class)
@Tag("fast")
class RemoteMerchantKeysTest {

    static final MerchantKeysEndpoint PAYMENT_SERVICE = MerchantKeysEndpoint.start();

    @DynamicPropertySource
    static void paymentService(DynamicPropertyRegistry registry) {
        registry.add("kassa.security.merchant-keys.verify-url", PAYMENT_SERVICE::baseUrl);
        registry.add("kassa.security.merchant-keys.cache-ttl", () -> "1h");
    }

    @AfterAll
    static void stop() {
        PAYMENT_SERVICE.close();
    }

    @Autowired
    MockMvc mvc;

    @AfterEach
    void answerNormally() {
        PAYMENT_SERVICE.failWith(0);
    }

    @Test
    void aKeyPaymentServiceKnowsActsAsItsMerchantAndIsAskedAboutOnce() throws Exception {
        int before = PAYMENT_SERVICE.calls();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/secured/merchant").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(MerchantKeysEndpoint.KEY_B)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.actor").value("merchant:" + MerchantKeysEndpoint.MERCHANT_B))
                    .andExpect(jsonPath("$.credential").value(MerchantKeysEndpoint.KEY_B.substring(0, 12)));
        }
        assertThat(PAYMENT_SERVICE.calls() - before).as("answers are kept for the cache TTL").isEqualTo(1);
        // A merchant is a merchant here too: operators' endpoints stay closed to it.
        mvc.perform(get("/secured/read").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(MerchantKeysEndpoint.KEY_B)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aKeyPaymentServiceRefusesIsA401() throws Exception {
        mvc.perform(get("/secured/merchant").header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_nobodysKey000000000000000"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.startsWith("Bearer error=\"invalid_token\"")))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/unauthenticated"));
    }

    @Test
    void whenPaymentServiceCannotAnswerTheRequestIsA503ToRetryNotA401() throws Exception {
        PAYMENT_SERVICE.failWith(500);

        mvc.perform(get("/secured/merchant").header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_unseenBefore00000000000000"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/temporarily-unavailable"));

        PAYMENT_SERVICE.failWith(0);
        PAYMENT_SERVICE.add("sk_test_unseenBefore00000000000000", "mer_late");
        mvc.perform(get("/secured/merchant").header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_unseenBefore00000000000000"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.actor").value("merchant:mer_late"));
    }

    @Test
    void anUnreachablePaymentServiceIsNeitherAYesNorANoAndIsNotRemembered() {
        RemoteMerchantKeys keys = new RemoteMerchantKeys(new KassaSecurityProperties.MerchantKeys(
                URI.create("http://127.0.0.1:1"), Duration.ofHours(1), Duration.ofSeconds(1)));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> keys.authenticate(MerchantKeysEndpoint.KEY_A))
                    .isInstanceOf(RemoteMerchantKeys.MerchantKeysUnavailableException.class);
        }
        assertThat(keys.claims("sk_live_x")).isTrue();
        assertThat(keys.claims(TestKeys.OPERATOR)).isFalse();
    }
}
