package dev.kassa.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold after every test, whatever it did (DESIGN §5, §8): the ledger's trial balance is balanced;
 * each seller's wallet equals its {@code seller_payable} balance; every succeeded payment order has exactly one
 * wallet credit and one ledger entry (and every succeeded refund one debit and one reversing entry), and nothing
 * else has any; every service's outbox is drained. Read from each service's own database, except the trial
 * balance, which is what the ledger's API reports.
 */
final class SystemInvariants {

    /** The four services that publish through the messaging library's outbox (psp-mock speaks HTTP only). */
    private static final List<String> OUTBOX_DATABASES = List.of("payment", "wallet", "ledger", "reconciliation");
    private static final int EXAMPLES = 5;

    private final Kassa kassa;

    SystemInvariants(Kassa kassa) {
        this.kassa = kassa;
    }

    /** Waits until every invariant holds (events may still be in flight when a test ends), or fails naming them. */
    void awaitAllHold() {
        await("system invariants").atMost(Timeouts.SETTLE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(violations()).as("system invariants violated").isEmpty());
    }

    List<String> violations() {
        List<String> violations = new ArrayList<>();
        trialBalance(violations);
        walletsMatchSellerPayable(violations);
        exactlyOnce(violations, "payment order",
                ids("payment", "SELECT payment_order_id AS id FROM payment_order WHERE status = 'SUCCEEDED'"),
                counts("wallet", "SELECT payment_order_id AS id, count(*) AS n FROM wallet_movement WHERE kind = 'CREDIT' GROUP BY 1"),
                counts("ledger", "SELECT payment_order_id AS id, count(*) AS n FROM journal_entry WHERE kind = 'PAYMENT' GROUP BY 1"));
        exactlyOnce(violations, "refund",
                ids("payment", "SELECT refund_id AS id FROM refund WHERE status = 'SUCCEEDED'"),
                counts("wallet", "SELECT refund_id AS id, count(*) AS n FROM wallet_movement WHERE kind = 'DEBIT' GROUP BY 1"),
                counts("ledger", "SELECT refund_id AS id, count(*) AS n FROM journal_entry WHERE kind = 'REFUND' GROUP BY 1"));
        for (String database : OUTBOX_DATABASES) {
            long unsent = kassa.db().count(database, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
            if (unsent > 0) {
                violations.add(database + " outbox not drained: " + unsent + " unsent rows");
            }
        }
        return violations;
    }

    private void trialBalance(List<String> violations) {
        var trial = kassa.books().trialBalance();
        if (!trial.path("balanced").asBoolean(false)) {
            violations.add("ledger trial balance not balanced: " + trial);
        }
    }

    private void walletsMatchSellerPayable(List<String> violations) {
        Map<String, Long> wallets = balances("wallet",
                "SELECT account_id || ' ' || currency AS k, balance_minor AS v FROM wallet_balance");
        Map<String, Long> ledger = balances("ledger",
                "SELECT substr(account_id, length('seller_payable:') + 1) || ' ' || currency AS k, credits_minor - debits_minor AS v"
                        + " FROM account_balance WHERE account_id LIKE 'seller\\_payable:%'");
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(union(wallets.keySet(), ledger.keySet()))) {
            long wallet = wallets.getOrDefault(key, 0L);
            long payable = ledger.getOrDefault(key, 0L);
            if (wallet != payable) {
                differences.add(key + ": wallet " + wallet + " vs seller_payable " + payable);
            }
        }
        if (!differences.isEmpty()) {
            violations.add(differences.size() + " wallets differ from seller_payable, e.g. " + examples(differences));
        }
    }

    /** Each id in {@code succeeded} has exactly one wallet movement and one ledger entry; no other id has any. */
    private static void exactlyOnce(List<String> violations, String what, List<String> succeeded,
                                    Map<String, Long> wallet, Map<String, Long> ledger) {
        check(violations, what, "wallet movement", succeeded, wallet);
        check(violations, what, "ledger entry", succeeded, ledger);
    }

    private static void check(List<String> violations, String what, String effect, List<String> succeeded,
                              Map<String, Long> counts) {
        List<String> wrong = new ArrayList<>();
        for (String id : succeeded) {
            long n = counts.getOrDefault(id, 0L);
            if (n != 1) {
                wrong.add(id + " succeeded and has " + n);
            }
        }
        Map<String, Long> unexpected = new HashMap<>(counts);
        succeeded.forEach(unexpected::remove);
        unexpected.forEach((id, n) -> wrong.add(id + " did not succeed but has " + n));
        if (!wrong.isEmpty()) {
            violations.add(wrong.size() + " " + what + "s with a wrong number of " + effect + "s (1 if succeeded, else 0), e.g. "
                    + examples(wrong));
        }
    }

    private List<String> ids(String database, String sql) {
        return kassa.db().rows(database, sql).stream().map(row -> (String) row.get("id")).toList();
    }

    private Map<String, Long> counts(String database, String sql) {
        Map<String, Long> counts = new HashMap<>();
        for (var row : kassa.db().rows(database, sql)) {
            if (row.get("id") != null) {
                counts.put((String) row.get("id"), ((Number) row.get("n")).longValue());
            }
        }
        return counts;
    }

    private Map<String, Long> balances(String database, String sql) {
        Map<String, Long> balances = new HashMap<>();
        for (var row : kassa.db().rows(database, sql)) {
            balances.put(((String) row.get("k")).trim(), ((Number) row.get("v")).longValue());
        }
        return balances;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String examples(List<String> items) {
        return String.join("; ", items.subList(0, Math.min(EXAMPLES, items.size())))
                + (items.size() > EXAMPLES ? "; ..." : "");
    }
}
