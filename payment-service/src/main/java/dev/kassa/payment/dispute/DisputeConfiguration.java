package dev.kassa.payment.dispute;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code kassa.disputes.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisputeProperties.class)
class DisputeConfiguration {
}
