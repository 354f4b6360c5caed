package dev.kassa.pspmock.webhook;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two connections of the dispatcher's own (a bulkhead). From the shared pool, the dispatcher's claim and its
 * batch of outcomes waited behind every API request, and under load deliveries fell to a fifth of the charge
 * rate. Built from the same {@code spring.datasource.*}, and deliberately not a DataSource bean, which would
 * replace the auto-configured pool.
 */
@Component
class DispatcherConnections implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;

    DispatcherConnections(DataSourceProperties properties) {
        this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("psp-webhook-dispatcher");
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(1);
        this.jdbc = new JdbcTemplate(pool);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
