package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.KassaClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the money services say, through their public APIs: wallets, the ledger, reconciliation reports. With the
 * launcher's plain HTTP client: these are operator APIs of the other services, not the merchant API kassa-client speaks.
 */
public final class Books {

    private final KassaClient http;
    private final String walletUrl;
    private final String ledgerUrl;
    private final String reconciliationUrl;

    Books(KassaClient http, String walletUrl, String ledgerUrl, String reconciliationUrl) {
        this.http = http;
        this.walletUrl = walletUrl;
        this.ledgerUrl = ledgerUrl;
        this.reconciliationUrl = reconciliationUrl;
    }

    /** The seller's wallet balance in minor units; 0 for a wallet or currency never moved. */
    public long walletBalance(String seller, String currency) {
        KassaClient.Response wallet = http.get(walletUrl + "/api/v1/wallets/" + seller);
        if (wallet.status() == 404) {
            return 0;
        }
        for (JsonNode balance : ok(wallet).path("balances")) {
            if (currency.equals(balance.path("currency").asString())) {
                return balance.path("amount_minor").asLong();
            }
        }
        return 0;
    }

    /** Whether wallet-service has ever moved money for this seller. */
    public boolean hasWallet(String seller) {
        return http.get(walletUrl + "/api/v1/wallets/" + seller).status() != 404;
    }

    /** The seller's movements, newest first (one page of up to 200). */
    public List<JsonNode> walletMovements(String seller) {
        KassaClient.Response page = http.get(walletUrl + "/api/v1/wallets/" + seller + "/movements?limit=200");
        List<JsonNode> movements = new ArrayList<>();
        if (page.status() != 404) {
            ok(page).path("movements").forEach(movements::add);
        }
        return movements;
    }

    /** The balance of {@code seller_payable:<seller>} in minor units (credits − debits); 0 if never posted. */
    public long sellerPayable(String seller, String currency) {
        KassaClient.Response account = http.get(ledgerUrl + "/api/v1/ledger/accounts/seller_payable:" + seller);
        if (account.status() == 404) {
            return 0;
        }
        for (JsonNode balance : ok(account).path("balances")) {
            if (currency.equals(balance.path("currency").asString())) {
                return balance.path("balance_minor").asLong();
            }
        }
        return 0;
    }

    /**
     * The balance of a platform account such as {@code dispute_fees}, on its normal side as the ledger shows it (an
     * expense: debits − credits); 0 if never posted.
     */
    public long accountBalance(String account, String currency) {
        KassaClient.Response found = http.get(ledgerUrl + "/api/v1/ledger/accounts/" + account);
        if (found.status() == 404) {
            return 0;
        }
        for (JsonNode balance : ok(found).path("balances")) {
            if (currency.equals(balance.path("currency").asString())) {
                return balance.path("balance_minor").asLong();
            }
        }
        return 0;
    }

    /** The journal entries of one payment order (its payment and its refunds), in posting order. */
    public List<JsonNode> ledgerEntries(String paymentOrderId) {
        List<JsonNode> entries = new ArrayList<>();
        ok(http.get(ledgerUrl + "/api/v1/ledger/entries?limit=500&payment_order_id=" + paymentOrderId))
                .path("entries").forEach(entries::add);
        return entries;
    }

    public JsonNode trialBalance() {
        return ok(http.get(ledgerUrl + "/api/v1/ledger/trial-balance"));
    }

    /** Runs (or reruns, replacing it) the reconciliation of {@code date} and returns its report. */
    public JsonNode reconcile(LocalDate date) {
        KassaClient.Response run = http.post(reconciliationUrl + "/api/v1/reconciliations", Map.of("date", date.toString()));
        if (!run.isSuccess()) {
            throw new IllegalStateException("reconciliation of " + date + " answered " + run.status() + ": " + run.body());
        }
        return ok(http.get(reconciliationUrl + "/api/v1/reconciliations/" + date));
    }

    private static JsonNode ok(KassaClient.Response response) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
