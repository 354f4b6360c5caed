package dev.kassa.web;

import dev.kassa.web.validation.KassaId;
import dev.kassa.web.validation.NoCardNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A controller as the services write them, to exercise the shared advice, constraints and JSON rules. */
@RestController
class SampleController {

    @JsonNaming(SnakeCaseStrategy.class)
    record Order(@NotNull(message = "is required") @KassaId String orderId,
                 @NoCardNumber @Size(max = 20, message = "must be at most 20 characters") String buyerName,
                 @Min(value = 1, message = "must be at least 1") Integer quantity,
                 @NotNull(message = "is required") @Size(min = 1, message = "must hold 1 line or more")
                 List<@Valid Line> lines) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Line(@NotNull(message = "is required") @KassaId String sellerAccount) {
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> create(@Valid @RequestBody Order order) {
        return Map.of("order_id", order.orderId(), "lines", order.lines().size());
    }

    @GetMapping("/orders/{order_id}")
    Map<String, String> read(@PathVariable("order_id") @KassaId String orderId) {
        if (orderId.equals("missing")) {
            throw KassaProblem.notFound("order_id", orderId);
        }
        return Map.of("order_id", orderId);
    }

    @GetMapping("/orders")
    Map<String, Integer> list(@RequestParam(name = "limit") @Min(value = 1, message = "must be at least 1")
                              @Max(value = 50, message = "must be at most 50") int limit) {
        return Map.of("limit", limit);
    }

    /** A {@code params} condition makes Spring MVC read every parameter name, which the firewall checks then. */
    @GetMapping(path = "/failures/flagged", params = "flag")
    String flagged() {
        return "flagged";
    }

    @GetMapping("/failures/unexpected")
    String unexpected() {
        throw new IllegalStateException("secret internal state: password=hunter2");
    }

    @GetMapping("/failures/database")
    String database() {
        throw new QueryTimeoutException("statement timed out");
    }

    @GetMapping("/failures/lock")
    String lock() {
        throw new InvalidDataAccessResourceUsageException("canceling statement due to lock timeout",
                new SQLException("ERROR: canceling statement due to lock timeout", "55P03"));
    }

    @GetMapping("/failures/pool")
    String pool() {
        throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLException("HikariPool-1 - Connection is not available, request timed out after 30000ms."));
    }

    /**
     * What a JdbcTemplate call outside a transaction throws when the pool has no connection to give: spring-jdbc's
     * {@code CannotGetJdbcConnectionException}, which extends this (spring-jdbc is no dependency of this module).
     */
    @GetMapping("/failures/pool-outside-transaction")
    String poolOutsideTransaction() {
        throw new DataAccessResourceFailureException("Failed to obtain JDBC Connection",
                new SQLException("HikariPool-1 - Connection is not available, request timed out after 5000ms."));
    }

    @PostMapping("/raw")
    String raw(@RequestBody byte[] body) {
        throw new UncheckedIOException(new BodyTooLargeException(8));
    }
}
