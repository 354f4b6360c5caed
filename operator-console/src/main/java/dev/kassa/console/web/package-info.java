/**
 * What every page shares: the signed-in operator, how a service's refusal is shown, how values are displayed.
 */
package dev.kassa.console.web;
