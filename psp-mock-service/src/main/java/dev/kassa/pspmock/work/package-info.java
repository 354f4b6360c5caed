/** Background work woken when due, shared by the outcome resolvers and the webhook dispatcher. */
package dev.kassa.pspmock.work;
