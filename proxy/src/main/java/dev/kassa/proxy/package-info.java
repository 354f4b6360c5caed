/**
 * The reverse proxy in front of several instances of each service ({@code ./kassa --instances N}): Spring Cloud
 * Gateway routes by the port a request arrived on, Spring Cloud LoadBalancer picks a ready instance, and a request
 * that is safe to repeat goes to another instance when one fails (docs/architecture.md §12).
 */
package dev.kassa.proxy;
