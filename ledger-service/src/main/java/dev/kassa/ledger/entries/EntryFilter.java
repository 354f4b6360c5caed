package dev.kassa.ledger.entries;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.web.ApiProblem;

/** The query parameters of the entries API, each checked with a reason that names it. */
record EntryFilter(AccountId account, String paymentOrderId, int limit, EntryCursor cursor) {

    static EntryFilter parse(String accountId, String paymentOrderId, String limit, String cursor,
            EntriesProperties properties) {
        return new EntryFilter(account(accountId), paymentOrderId(paymentOrderId), limit(limit, properties),
                EntryCursor.parse(cursor));
    }

    private static AccountId account(String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return null;
        }
        return AccountId.parse(accountId).orElseThrow(() -> ApiProblem.invalidRequest("account_id",
                "must be psp_receivable or seller_payable:<seller> (seller: 1-128 characters, no whitespace or '/')"));
    }

    private static String paymentOrderId(String paymentOrderId) {
        if (paymentOrderId == null || paymentOrderId.isEmpty()) {
            return null;
        }
        if (paymentOrderId.isBlank() || paymentOrderId.length() > 128) {
            throw ApiProblem.invalidRequest("payment_order_id", "must be 1-128 characters, not blank");
        }
        return paymentOrderId;
    }

    private static int limit(String limit, EntriesProperties properties) {
        if (limit == null || limit.isEmpty()) {
            return properties.defaultLimit();
        }
        String reason = "must be a whole number from 1 to " + properties.maxLimit();
        if (!limit.matches("[0-9]{1,9}")) {
            throw ApiProblem.invalidRequest("limit", reason);
        }
        int value = Integer.parseInt(limit);
        if (value < 1 || value > properties.maxLimit()) {
            throw ApiProblem.invalidRequest("limit", reason);
        }
        return value;
    }
}
