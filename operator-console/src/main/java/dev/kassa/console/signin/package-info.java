/**
 * Sign-in with an operator key, the session that keeps it, and which role may use which page.
 */
package dev.kassa.console.signin;
