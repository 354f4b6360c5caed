package dev.kassa.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the 413 answer when a request's Content-Length is over the limit, before Spring MVC is involved. The
 * default writes the house problem detail; a service with another error dialect (psp-mock's Stripe-like
 * {@code {"error": ...}}) declares its own bean.
 */
@FunctionalInterface
public interface BodyTooLargeResponder {

    void respond(HttpServletRequest request, HttpServletResponse response, long limitBytes) throws IOException;
}
