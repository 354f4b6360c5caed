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
 * The health groups every service gets from the web module: readiness follows the database and the broker, liveness
 * the process only, so that an instance cut off from Kafka is taken out of rotation, not restarted.
 */
class HealthGroupsTest extends SpringMessagingTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    KafkaAccessDenials denials;

    @Test
    void readinessCoversTheDatabaseAndTheBrokerAndLivenessNeither() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.livenessState").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db").doesNotExist())
                .andExpect(jsonPath("$.components.kafka").doesNotExist());
    }

    @Test
    void anInstanceTheBrokerRefusesIsNotReadyButStillLive() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        denials.recordIfDenied("outbox relay", new IllegalStateException("batch not acknowledged",
                new TopicAuthorizationException(Set.of("payment.results"))));
        try {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"))
                    .andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            denials.clear("outbox relay");
        }
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
