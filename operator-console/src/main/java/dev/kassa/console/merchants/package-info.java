/** Merchants and their secret keys: create, rotate, revoke. */
package dev.kassa.console.merchants;
