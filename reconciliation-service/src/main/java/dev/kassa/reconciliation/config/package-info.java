/** The {@code kassa.reconciliation.*} properties and service-wide beans. */
package dev.kassa.reconciliation.config;
