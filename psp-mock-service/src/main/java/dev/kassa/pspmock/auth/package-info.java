/**
 * Who may call the PSP: its API key ({@code sk_…}) for the API, operators' keys for the simulator's switches,
 * through the web module's Spring Security (docs/architecture.md §11), refusals in this API's error dialect.
 */
package dev.kassa.pspmock.auth;
