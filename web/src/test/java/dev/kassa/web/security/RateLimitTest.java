package dev.kassa.web.security;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.testfixtures.TestKeys;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Rate limits answer 429 with Retry-After, count per key and per address, and recover as the bucket refills. */
@WebMvcTest(controllers = SecuredController.class, properties = {
        "kassa.security.rate-limit.requests-per-second=2",
        "kassa.security.rate-limit.burst=3",
        "kassa.security.rate-limit.failed-auth-per-minute=3"})
@Tag("fast")
class RateLimitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aKeyOverItsRateGets429AndRecovers() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(as(TestKeys.VIEWER, "10.0.0.1")).andExpect(status().isOk());
        }
        mvc.perform(as(TestKeys.VIEWER, "10.0.0.1")).andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/rate-limited"));
        // Another key has its own bucket.
        mvc.perform(as(TestKeys.FINANCE, "10.0.0.1")).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                mvc.perform(as(TestKeys.VIEWER, "10.0.0.1")).andExpect(status().isOk()));
    }

    @Test
    void anAddressThatKeepsFailingToAuthenticateIsStoppedBeforeItsKeysAreChecked() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(as("opk_guess" + i, "10.0.0.2")).andExpect(status().isUnauthorized());
        }
        mvc.perform(as("opk_guess3", "10.0.0.2")).andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        // Even a good key waits: guessing must not pay off.
        mvc.perform(as(TestKeys.OPERATOR, "10.0.0.2")).andExpect(status().isTooManyRequests());
        // Other addresses are not affected.
        mvc.perform(as(TestKeys.OPERATOR, "10.0.0.3")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder as(String key, String address) {
        return get("/secured/read").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
