package dev.kassa.payment.merchant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code kassa.merchants.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MerchantProperties.class)
class MerchantConfiguration {
}
