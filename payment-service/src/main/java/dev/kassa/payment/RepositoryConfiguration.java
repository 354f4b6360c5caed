package dev.kassa.payment;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The Spring Data JDBC repositories, without Spring Data's default read-only transaction around {@code findById}:
 * a read outside a transaction (the refund executor's, the janitor's) stays one autocommitted statement, as it
 * was on JdbcClient, instead of paying a COMMIT round trip. Every other repository method has no default
 * transaction anyway; callers that need one declare it.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(enableDefaultTransactions = false)
class RepositoryConfiguration {
}
