package dev.kassa.ledger.entries;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.RequestLimits;

/**
 * The query parameters of the entries API, each checked with a reason that names it (the payment order id
 * by the id rule, on the controller's parameter).
 */
record EntryFilter(AccountId account, String paymentOrderId, int limit, EntryCursor cursor) {

    static EntryFilter parse(String accountId, String paymentOrderId, String limit, String cursor,
            EntriesProperties properties) {
        return new EntryFilter(account(accountId), paymentOrderId,
                RequestLimits.within("limit", limit, properties.defaultLimit(), 1, properties.maxLimit()),
                EntryCursor.parse(cursor));
    }

    private static AccountId account(String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return null;
        }
        return AccountId.parse(accountId).orElseThrow(() -> KassaProblem.invalid("account_id", AccountId.FORMS));
    }
}
