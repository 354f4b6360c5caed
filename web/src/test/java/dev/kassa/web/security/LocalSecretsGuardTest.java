package dev.kassa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The repository's public test secrets start a service only under the local profile. */
@Tag("fast")
class LocalSecretsGuardTest {

    private final LocalSecretsGuard guard = new LocalSecretsGuard();

    @Test
    void everyKnownLocalSecretIsRefusedOutsideTheLocalProfileNamingItsEnvironmentVariable() {
        LocalSecretsGuard.LOCAL_SECRETS.forEach((property, value) ->
                assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(
                                environment(Map.of(property, value)), new SpringApplication()))
                        .withMessageContaining(property));
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(
                        environment(Map.of("kassa.psp.webhook-secrets", "whsec_new,whsec_test_kassa")), new SpringApplication()))
                .as("also as one of a rotation's secrets")
                .withMessageContaining("KASSA_PSP_WEBHOOK_SECRETS");
    }

    @Test
    void anUnresolvablePlaceholderDoesNotHideALocalSecretBesideIt() {
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(environment(Map.of(
                        "spring.liquibase.password", "${KASSA_GUARD_TEST_UNSET_VARIABLE}",
                        "spring.datasource.password", "${KASSA_GUARD_TEST_UNSET_VARIABLE}",
                        "psp.webhooks.secrets", "whsec_test_kassa")), new SpringApplication()))
                .withMessageContaining("psp.webhooks.secrets");
        assertThatCode(() -> guard.postProcessEnvironment(environment(Map.of("spring.liquibase.password",
                "${KASSA_GUARD_TEST_UNSET_VARIABLE}")), new SpringApplication()))
                .as("the binding that needs the value reports it, not the guard").doesNotThrowAnyException();
    }

    @Test
    void theLocalProfileMayUseThemAndOtherSecretsPassEverywhere() {
        StandardEnvironment local = environment(Map.of("spring.datasource.password", "kassa"));
        local.setActiveProfiles("local", "testkeys");
        assertThatCode(() -> guard.postProcessEnvironment(local, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(environment(Map.of("spring.datasource.password",
                "a-real-one", "kassa.psp.api-key", "sk_live_x")), new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theTestOperatorKeysNeedTheLocalProfile() {
        StandardEnvironment testKeysAlone = environment(Map.of());
        testKeysAlone.setActiveProfiles("testkeys");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(testKeysAlone,
                new SpringApplication())).withMessageContaining("testkeys");
        assertThat(LocalSecretsGuard.LOCAL_SECRETS).containsKeys("spring.datasource.password", "spring.liquibase.password");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> withoutProfiles = new java.util.HashMap<>(properties);
        withoutProfiles.put("spring.profiles.active", ""); // not the test JVM's own profiles (local,testkeys)
        environment.getPropertySources().addFirst(new MapPropertySource("test", withoutProfiles));
        return environment;
    }
}
