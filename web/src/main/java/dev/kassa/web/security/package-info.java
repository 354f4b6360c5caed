/**
 * Identity and access of every Kassa HTTP API: bearer keys and JWTs, roles, per-service access rules ending in
 * deny-all, rate limits, and the 401/403/429 answers (docs/architecture.md §11).
 */
package dev.kassa.web.security;
