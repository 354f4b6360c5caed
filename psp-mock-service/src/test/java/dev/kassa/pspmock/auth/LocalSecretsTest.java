package dev.kassa.pspmock.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.pspmock.PspMockApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The public local test secrets live in application-local.yaml only: without the local profile the service has
 * no secret it did not get from its environment. Both starts fail while the environment is being prepared,
 * before any bean (or database) is touched.
 */
class LocalSecretsTest {

    @Test
    void withoutTheLocalProfileAnUnsetSecretStopsTheStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=default"))
                .hasStackTraceContaining("PSP_");
    }

    @Test
    void withoutTheLocalProfileTheLocalTestKeyStopsTheStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=default", "--psp.auth.secret-key=sk_test_kassa",
                "--psp.webhooks.secrets=whsec_mine", "--spring.datasource.password=mine"))
                .hasStackTraceContaining("psp.auth.secret-key is the repository's public local test secret");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(PspMockApplication.class).run(args).close();
    }
}
