/** The PSP's own wire dialect: its JSON requests and responses, errors and shared database helpers. */
package dev.kassa.pspmock.api;
