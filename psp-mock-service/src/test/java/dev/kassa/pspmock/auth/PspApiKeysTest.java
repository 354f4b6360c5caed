package dev.kassa.pspmock.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.KassaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PspApiKeysTest {

    private final PspApiKeys keys = new PspApiKeys(new AuthProperties(List.of("sk_test_old1234", " sk_live_new5678 ")));

    @Test
    void bothKeysOfARotationAuthenticateAsTheMerchantOfThePspAccount() {
        assertThat(keys.authenticate("sk_test_old1234")).hasValueSatisfying(actor -> {
            assertThat(actor.id()).isEqualTo("merchant:psp-account");
            assertThat(actor.roles()).containsExactly(KassaRole.MERCHANT);
            assertThat(actor.credentialId()).isEqualTo("sk_test_old1");
        });
        assertThat(keys.authenticate("sk_live_new5678")).map(KassaActor::credentialId).hasValue("sk_live_new5");
    }

    @Test
    void everySkKeyIsClaimedAndOnlyTheConfiguredOnesAreKnown() {
        assertThat(keys.claims("sk_test_other")).isTrue();
        assertThat(keys.claims("opk_testOperator00000000000000000000")).isFalse();
        assertThat(keys.claims("whsec_test_kassa")).isFalse();
        assertThat(keys.authenticate("sk_test_other")).isEmpty();
        assertThat(keys.authenticate("sk_test_old123")).isEmpty();
        assertThat(keys.authenticate("sk_test_old12345")).isEmpty();
    }

    @Test
    void aKeyThatIsMissingOrNotAnSkKeyIsRefusedAtStartup() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthProperties(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthProperties(List.of(" ")));
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthProperties(List.of("opk_x")));
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthProperties(List.of("sk_")));
        // What an unset environment variable leaves behind: it must not become a key anyone can read.
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthProperties(List.of("${PSP_SECRET_KEY}")))
                .withMessageContaining("PSP_SECRET_KEY");
    }
}
