package dev.kassa.payment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The secrets of application.yml are environment placeholders without defaults: only the 'local' profile
 * (application-local.yml, public test secrets) fills them, and without either the service does not start.
 */
@Tag("fast")
class LocalSecretsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PspSettings.class);

    @EnableConfigurationProperties(PspProperties.class)
    static class PspSettings {
    }

    @Test
    void withoutTheLocalProfileOrTheEnvironmentAMissingSecretStopsTheStart() {
        service.withPropertyValues("spring.profiles.active=production").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("KASSA_PSP_API_KEY");
        });
        service.withPropertyValues("spring.profiles.active=production", "KASSA_PSP_API_KEY=sk_live_own",
                "KASSA_PSP_WEBHOOK_SECRETS=whsec_own").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PspProperties.class).apiKey()).isEqualTo("sk_live_own");
                    // Nor have the database credentials a default.
                    assertThatThrownBy(() -> context.getEnvironment().getProperty("spring.datasource.password"))
                            .hasMessageContaining("SPRING_DATASOURCE_PASSWORD");
                });
    }

    @Test
    void theLocalProfileHasThePublicTestSecrets() {
        service.withPropertyValues("spring.profiles.active=local").run(context -> {
            assertThat(context).hasNotFailed();
            PspProperties psp = context.getBean(PspProperties.class);
            assertThat(psp.apiKey()).isEqualTo("sk_test_kassa");
            assertThat(psp.webhookSecrets()).containsExactly("whsec_test_kassa");
            assertThat(context.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("kassa");
            assertThat(context.getEnvironment().getProperty("kassa.merchants.key-prefix")).isEqualTo("sk_test_");
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        });
    }
}
