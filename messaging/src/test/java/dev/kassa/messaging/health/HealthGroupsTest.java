package dev.kassa.messaging.health;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.support.SpringMessagingTest;
import java.util.Set;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The health groups every service gets from the web module: readiness follows the database but not the broker (no
 * request needs it, and an outage of the shared broker must not take every instance out of rotation), liveness the
 * process only; the broker's state stays in the overall health.
 */
class HealthGroupsTest extends SpringMessagingTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    KafkaAccessDenials denials;

    @Test
    void readinessCoversTheDatabaseButNotTheBrokerAndLivenessNeither() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka").doesNotExist())
                .andExpect(jsonPath("$.components.livenessState").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db").doesNotExist())
                .andExpect(jsonPath("$.components.kafka").doesNotExist());
    }

    @Test
    void anInstanceTheBrokerRefusesStaysReadyAndLiveAndTheOverallHealthSaysSo() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        denials.recordIfDenied("outbox relay", new IllegalStateException("batch not acknowledged",
                new TopicAuthorizationException(Set.of("payment.results"))));
        try {
            mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"))
                    .andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            denials.clear("outbox relay");
        }
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
