package dev.kassa.web;

import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.KassaRole;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** The configuration the slice tests of this module start from: only the web layer and the controllers below. */
@SpringBootApplication
public class WebTestApplication {

    /** One merchant key, as payment-service's merchant keys would answer. */
    public static final String MERCHANT_KEY = "sk_test_merchantA";

    /** The problem-details tests' sample endpoints are open; the security tests' are guarded by role. */
    @Bean
    KassaAccessRules sampleAccessRules() {
        return rules -> rules
                .requestMatchers("/orders/**", "/failures/**", "/raw").permitAll()
                .requestMatchers(HttpMethod.GET, "/secured/read").hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.POST, "/secured/act").hasRole(KassaRole.OPERATOR.name())
                .requestMatchers("/secured/merchant").hasRole(KassaRole.MERCHANT.name())
                .requestMatchers("/admin/**").hasRole(KassaRole.OPERATOR.name());
    }

    /** Only where merchant keys are not verified by (a stand-in for) payment-service, which then claims sk_ keys. */
    @Bean
    @ConditionalOnExpression("'${kassa.security.merchant-keys.verify-url:}'.isEmpty()")
    BearerKeys sampleMerchantKeys() {
        return new BearerKeys() {
            @Override
            public boolean claims(String key) {
                return key.startsWith("sk_");
            }

            @Override
            public Optional<KassaActor> authenticate(String key) {
                return MERCHANT_KEY.equals(key) ? Optional.of(KassaActor.merchant("m_a", "sk_test_merc"))
                        : Optional.empty();
            }
        };
    }
}
