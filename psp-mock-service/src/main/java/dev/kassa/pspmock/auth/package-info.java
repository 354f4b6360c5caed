/** API keys: every PSP endpoint but health requires one. */
package dev.kassa.pspmock.auth;
