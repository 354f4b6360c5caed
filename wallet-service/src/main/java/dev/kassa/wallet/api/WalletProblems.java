package dev.kassa.wallet.api;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the wallet API. Standard Spring MVC errors (unknown path, wrong method,
 * unacceptable media type) are rendered as problem details by {@code spring.mvc.problemdetails.enabled}.
 * Scoped to this package so that it never competes with the messaging module's admin endpoints.
 */
@RestControllerAdvice(basePackageClasses = WalletProblems.class)
class WalletProblems {

    private static final Logger log = LoggerFactory.getLogger(WalletProblems.class);
    private static final String TYPE_BASE = "https://kassa.dev/problems/";

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request parameter",
                e.field() + " " + e.reason());
        problem.setProperty("field", e.field());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(WalletNotFoundException.class)
    ProblemDetail walletNotFound(WalletNotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "wallet-not-found", "Wallet not found", e.getMessage());
        problem.setProperty("account_id", e.accountId());
        return problem;
    }

    @ExceptionHandler(TransientDataAccessException.class)
    ProblemDetail databaseUnavailable(TransientDataAccessException e) {
        log.warn("Wallet query failed transiently: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "Temporarily unavailable",
                "The wallet database is not reachable right now; retry later");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
