/**
 * The credentials the launcher runs the local system with (docs/architecture.md §11): one operator key with every
 * operator role, configured in every service by its SHA-256, and the demo merchant {@code m_demo} with one secret
 * key, made through payment-service's admin API. Both are kept in {@code .kassa/credentials} (owner-only) so that
 * a restart reuses them; {@code ./kassa --fresh} makes new ones.
 */
package dev.kassa.launcher.access;
