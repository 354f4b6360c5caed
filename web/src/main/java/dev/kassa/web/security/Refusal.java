package dev.kassa.web.security;

/** Why the security layer refused a request before any controller ran. */
public enum Refusal {
    /** No credentials, or credentials nobody recognises: 401. */
    UNAUTHENTICATED,
    /** Authenticated, but the role does not allow it: 403. */
    FORBIDDEN,
    /** Too many requests from this key, or too many failed authentications from this address: 429. */
    RATE_LIMITED,
    /** The service is handling as many requests as it may at once, and this one waited its longest: 503. */
    OVERLOADED
}
