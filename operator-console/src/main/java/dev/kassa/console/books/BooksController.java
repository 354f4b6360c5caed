package dev.kassa.console.books;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The books: the ledger's trial balance per currency, sellers whose wallet went below zero, sellers whose wallet and
 * ledger disagree (the latest reconciliation's {@code WALLET_LEDGER_MISMATCH} findings: there should be none), and one
 * account's statement: a seller's wallet beside its {@code seller_payable} ledger account, or any ledger account.
 */
@Controller
class BooksController {

    private static final String SELLER_PAYABLE = "seller_payable:";

    private final KassaApi api;

    BooksController(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/books")
    String books(Model model) {
        model.addAttribute("trialBalance", api.get(Backend.LEDGER, "/api/v1/ledger/trial-balance", Map.of()));
        model.addAttribute("belowZero", api.get(Backend.WALLET, "/api/v1/wallets", Map.of("below_zero", true)));
        model.addAttribute("mismatches", walletLedgerMismatches());
        return "books";
    }

    /**
     * @param accountId a seller ({@code s_1}), its ledger account ({@code seller_payable:s_1}) or another ledger
     *                  account ({@code psp_receivable})
     */
    @GetMapping("/books/accounts")
    String account(@RequestParam("account_id") String accountId, @RequestParam(required = false) String cursor,
                   Model model) {
        String id = accountId.strip();
        // A ledger account's id has a kind (seller_payable:s_1) or is the platform's own (psp_receivable); a bare id is
        // a seller's.
        String ledgerAccount = id.contains(":") || id.equals("psp_receivable") ? id : SELLER_PAYABLE + id;
        String seller = ledgerAccount.startsWith(SELLER_PAYABLE) ? ledgerAccount.substring(SELLER_PAYABLE.length())
                : null;
        model.addAttribute("accountId", ledgerAccount);
        model.addAttribute("account", api.get(Backend.LEDGER, "/api/v1/ledger/accounts/{id}", Map.of(),
                ledgerAccount));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("account_id", ledgerAccount);
        query.put("limit", 50);
        query.put("cursor", cursor);
        Map<String, Object> entries = api.get(Backend.LEDGER, "/api/v1/ledger/entries", query);
        model.addAttribute("entries", entries.get("entries"));
        model.addAttribute("nextCursor", entries.get("next_cursor"));
        if (seller != null) {
            model.addAttribute("seller", seller);
            Map<String, Object> wallet = walletOf(seller);
            model.addAttribute("wallet", wallet);
            model.addAttribute("agreement", agreement(wallet, model.getAttribute("account")));
        }
        return "account";
    }

    private Map<String, Object> walletOf(String seller) {
        try {
            return api.get(Backend.WALLET, "/api/v1/wallets/{id}", Map.of(), seller);
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    /** Per currency: the wallet's balance and the ledger's, in minor units, and whether they agree. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> agreement(Map<String, Object> wallet, Object ledgerAccount) {
        Map<String, long[]> byCurrency = new LinkedHashMap<>();
        if (wallet != null) {
            for (Map<String, Object> balance : (List<Map<String, Object>>) wallet.get("balances")) {
                byCurrency.computeIfAbsent((String) balance.get("currency"), c -> new long[2])[0] =
                        ((Number) balance.get("amount_minor")).longValue();
            }
        }
        for (Map<String, Object> balance : (List<Map<String, Object>>) ((Map<String, Object>) ledgerAccount)
                .get("balances")) {
            byCurrency.computeIfAbsent((String) balance.get("currency"), c -> new long[2])[1] =
                    ((Number) balance.get("balance_minor")).longValue();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byCurrency.forEach((currency, balances) -> rows.add(Map.of("currency", currency, "wallet_minor", balances[0],
                "ledger_minor", balances[1], "agree", balances[0] == balances[1])));
        return rows;
    }

    /** The newest report's wallet/ledger findings; none when no report has run or the service does not answer. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> walletLedgerMismatches() {
        return KassaApi.optional(() -> (List<Map<String, Object>>) api.get(Backend.RECONCILIATION,
                        "/api/v1/reconciliations", Map.of("limit", 1)).get("reconciliations"))
                .flatMap(reports -> reports.stream().findFirst())
                .flatMap(newest -> KassaApi.optional(() -> (List<Map<String, Object>>) api.get(Backend.RECONCILIATION,
                        "/api/v1/reconciliations/{date}", Map.of(), newest.get("date")).get("discrepancies")))
                .map(discrepancies -> discrepancies.stream()
                        .filter(d -> Objects.equals(d.get("type"), "WALLET_LEDGER_MISMATCH")).toList())
                .orElse(List.of());
    }
}
