package dev.kassa.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the body of a refusal. The web module's writes the house problem details; a service with another
 * error dialect (psp-mock's Stripe-style errors) declares its own bean of this type.
 */
@FunctionalInterface
public interface RefusalWriter {

    /** Status and headers (WWW-Authenticate, Retry-After) are already set; writes the body. */
    void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String detail)
            throws IOException;
}
