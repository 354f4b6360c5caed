package dev.kassa.console.signin;

import dev.kassa.web.security.KassaRole;
import dev.kassa.web.security.KassaSecurityProperties;
import dev.kassa.web.security.OperatorKeys;
import dev.kassa.web.security.RateLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may use which page (docs/architecture.md §13): every operator role reads; {@code OPERATOR} acts (refunds,
 * retries, dead-letter replays, merchants and keys, risk blocks, answers to disputes) and {@code FINANCE} reconciles,
 * as the services themselves allow. An action's form and its confirmation page are closed to a role that may not act,
 * so a {@code VIEWER} never sees one, and a forged request is refused here (403) before a service would refuse it too.
 * Unlike the services' bearer APIs the console is used by a browser: a session cookie (HTTP-only, SameSite=Strict),
 * CSRF tokens on every form, and a content security policy that allows the console's own scripts and styles only;
 * failed sign-ins are limited per client address ({@link SignInThrottle}).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(KassaSecurityProperties.class)
class ConsoleSecurityConfiguration {

    /** The pages that change something, by the role that may change it. */
    static final String[] OPERATOR_ACTIONS = {"/payment-orders/*/refund", "/payment-orders/*/retry",
            "/dead-letters/replay", "/merchants/new", "/merchants/*/keys/**", "/risk/blocks", "/risk/blocks/new",
            "/risk/blocks/*/lift", "/disputes/*/evidence", "/disputes/*/accept"};
    static final String[] FINANCE_ACTIONS = {"/reconciliation/run"};

    @Bean
    OperatorKeys consoleOperatorKeys(KassaSecurityProperties properties) {
        return new OperatorKeys(properties.operators());
    }

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, OperatorKeys keys,
                                                   KassaSecurityProperties properties) throws Exception {
        SignInThrottle throttle = new SignInThrottle(new RateLimits(properties.rateLimit()));
        http.authenticationProvider(new OperatorKeyAuthenticationProvider(keys))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/sign-in")
                        .passwordParameter("key")
                        .defaultSuccessUrl("/", true)
                        .failureHandler(throttle)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(rules -> rules
                        // "/sign-in" with any query (?failed, ?signed-out): form login permits only the exact URLs it knows.
                        .requestMatchers("/sign-in", "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(OPERATOR_ACTIONS).hasRole(KassaRole.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/merchants").hasRole(KassaRole.OPERATOR.name())
                        .requestMatchers(FINANCE_ACTIONS).hasRole(KassaRole.FINANCE.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(KassaRole.OPERATORS)
                        .anyRequest().denyAll());
        return http.build();
    }
}
