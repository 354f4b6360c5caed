/** Health groups (liveness, readiness) and graceful shutdown, the same for every service. */
package dev.kassa.web.health;
