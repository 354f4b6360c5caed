package dev.kassa.payment.access;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * payment-service's rows of the table in docs/architecture.md §11, in one place so that they read as that
 * table. The web module adds health and the actuator, the messaging library its dead letters, and denies
 * everything else: a new endpoint stays closed until it is listed here. "Own" objects (a merchant sees only
 * its checkouts, orders and refunds) are the features' check ({@link Ownership}); a rule can only say which
 * roles may call at all.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentAccessRules {

    private static final String MERCHANT = KassaRole.MERCHANT.name();
    private static final String OPERATOR = KassaRole.OPERATOR.name();

    @Bean
    KassaAccessRules paymentServiceAccessRules() {
        return rules -> rules
                // Checkouts: created by a merchant key only (the checkout is its merchant's); read by it and operators.
                .requestMatchers(HttpMethod.POST, "/api/v1/payments").hasRole(MERCHANT)
                // Whose key this is: how wallet and ledger verify a merchant key they are shown.
                .requestMatchers(HttpMethod.GET, "/api/v1/merchants/me").hasRole(MERCHANT)
                .requestMatchers(HttpMethod.GET, "/api/v1/payments", "/api/v1/payments/*", "/api/v1/payments/*/receipt")
                .hasAnyRole(KassaRole.MERCHANT_OR_OPERATORS)
                // Payment orders: read by their merchant and every operator role; changed by the merchant or an
                // OPERATOR acting on its behalf.
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-orders/*", "/api/v1/payment-orders/*/history")
                .hasAnyRole(KassaRole.MERCHANT_OR_OPERATORS)
                .requestMatchers(HttpMethod.POST, "/api/v1/payment-orders/*/retry", "/api/v1/payment-orders/*/refunds")
                .hasAnyRole(MERCHANT, OPERATOR)
                // Disputes: read by their merchant and every operator role; answered by the merchant or an OPERATOR.
                .requestMatchers(HttpMethod.GET, "/api/v1/disputes", "/api/v1/disputes/*")
                .hasAnyRole(KassaRole.MERCHANT_OR_OPERATORS)
                .requestMatchers(HttpMethod.POST, "/api/v1/disputes/*/evidence", "/api/v1/disputes/*/accept")
                .hasAnyRole(MERCHANT, OPERATOR)
                // The PSP authenticates by the HMAC signature the endpoint checks over the raw body.
                .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/psp").permitAll()
                .requestMatchers(HttpMethod.GET, "/admin/webhooks/unmatched").hasAnyRole(KassaRole.OPERATORS)
                // Merchants and their keys: read by every operator role, changed by OPERATOR.
                .requestMatchers(HttpMethod.GET, "/admin/merchants", "/admin/merchants/**")
                .hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.POST, "/admin/merchants", "/admin/merchants/**").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.DELETE, "/admin/merchants/*/keys/*").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/admin/audit").hasAnyRole(KassaRole.OPERATORS)
                // The console's overview: outcomes per minute across every merchant, read by every operator role.
                .requestMatchers(HttpMethod.GET, "/admin/payments/activity").hasAnyRole(KassaRole.OPERATORS)
                // The risk check's blocks: read by every operator role; the block list and lifts are OPERATOR's.
                .requestMatchers(HttpMethod.GET, "/admin/risk/blocks", "/admin/risk/blocks/*")
                .hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.POST, "/admin/risk/blocks", "/admin/risk/blocks/*/lift").hasRole(OPERATOR);
    }
}
