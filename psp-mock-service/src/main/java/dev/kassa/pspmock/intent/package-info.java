/** Payment intents: created, charged by test card rules, and resolved later when asynchronous. */
package dev.kassa.pspmock.intent;
