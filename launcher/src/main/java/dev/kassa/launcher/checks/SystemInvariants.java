package dev.kassa.launcher.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold whenever nothing is in flight (docs/architecture.md §4, §7), read from each service's own database: the
 * ledger's trial balance is balanced; each seller's wallet equals its {@code seller_payable} balance; every
 * succeeded payment order has exactly one PSP charge, one wallet credit and one ledger entry (every succeeded refund
 * one debit and one reversing entry, every dispute's withdrawn and reinstated funds one movement and one entry each),
 * and nothing else has any; every outbox is drained.
 *
 * <p>Scoped by an id prefix: the checkouts, orders, refunds and sellers of one test or one benchmark run all
 * start with it, so a check of one run ignores whatever else the system holds. The trial balance and the outboxes
 * have no owner and are always checked whole.
 */
public final class SystemInvariants {

    /** One checked property: its name, and what is wrong (nothing when it holds). */
    public record Check(String name, List<String> problems) {
        public boolean holds() {
            return problems.isEmpty();
        }
    }

    /** The four services that publish through the messaging library's outbox (psp-mock speaks HTTP only). */
    public static final List<String> OUTBOX_DATABASES = List.of("payment", "wallet", "ledger", "reconciliation");
    private static final int EXAMPLES = 5;

    private final Databases db;
    private final String like;
    private final String description;

    private SystemInvariants(Databases db, String idPrefix, String description) {
        this.db = db;
        this.like = escapeLike(idPrefix) + "%";
        this.description = description;
    }

    /** Every payment, refund and seller the system holds. */
    public static SystemInvariants everything(Databases db) {
        return new SystemInvariants(db, "", "");
    }

    /** Only the payments, refunds and sellers whose ids start with {@code idPrefix}. */
    public static SystemInvariants withIdPrefix(Databases db, String idPrefix) {
        if (idPrefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix selects everything: use everything()");
        }
        return new SystemInvariants(db, idPrefix, " (ids " + idPrefix + "*)");
    }

    /** What is wrong, one line per broken property; empty when everything holds. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Check check : checks()) {
            if (!check.holds()) {
                violations.add(check.name() + ": " + examples(check.problems()));
            }
        }
        return violations;
    }

    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("ledger trial balance is balanced", trialBalance()));
        checks.add(new Check("each seller's wallet equals its seller_payable balance" + description,
                walletsMatchSellerPayable()));
        // Read in the order the effects happen, so that a payment still in flight shows up as "not yet" rather than
        // as a ghost: wallet and ledger follow a success, so they are read before it; the PSP charge precedes it.
        Map<String, Long> credits = counts("wallet", "SELECT payment_order_id AS id, count(*) AS n FROM wallet_movement"
                + " WHERE kind = 'CREDIT' AND dispute_id IS NULL AND payment_order_id LIKE ? GROUP BY 1");
        Map<String, Long> entries = counts("ledger", "SELECT payment_order_id AS id, count(*) AS n FROM journal_entry"
                + " WHERE kind = 'PAYMENT' AND payment_order_id LIKE ? GROUP BY 1");
        List<String> succeededOrders = ids("payment",
                "SELECT payment_order_id AS id FROM payment_order WHERE status = 'SUCCEEDED' AND payment_order_id LIKE ?");
        Map<String, Long> charges = counts("psp", "SELECT payment_order_id AS id, count(*) AS n FROM balance_transaction"
                + " WHERE type = 'charge' AND payment_order_id LIKE ? GROUP BY 1");
        checks.add(new Check("each succeeded payment order has exactly one PSP charge, no other order any" + description,
                exactlyOnce(succeededOrders, charges)));
        checks.add(new Check("each succeeded payment order has exactly one wallet credit, no other order any" + description,
                exactlyOnce(succeededOrders, credits)));
        checks.add(new Check("each succeeded payment order has exactly one ledger entry, no other order any" + description,
                exactlyOnce(succeededOrders, entries)));
        List<String> succeededRefunds = ids("payment",
                "SELECT refund_id AS id FROM refund WHERE status = 'SUCCEEDED' AND refund_id LIKE ?");
        checks.add(new Check("each succeeded refund has exactly one wallet debit and one reversing entry, no other refund any" + description,
                concat(exactlyOnce(succeededRefunds, counts("wallet", "SELECT refund_id AS id, count(*) AS n FROM wallet_movement"
                                + " WHERE kind = 'DEBIT' AND refund_id LIKE ? GROUP BY 1")),
                        exactlyOnce(succeededRefunds, counts("ledger", "SELECT refund_id AS id, count(*) AS n FROM journal_entry"
                                + " WHERE kind = 'REFUND' AND refund_id LIKE ? GROUP BY 1")))));
        checks.add(new Check("each dispute's withdrawn funds have exactly one wallet debit and one ledger entry, and its"
                + " reinstated funds one credit and one entry; no other dispute any" + description, disputesBookedOnce()));
        checks.add(new Check("every outbox is drained", outboxesDrained()));
        return checks;
    }

    /** Disputes are scoped by their payment order's id: their own ids are the PSP's. */
    private List<String> disputesBookedOnce() {
        List<String> withdrawn = ids("payment", "SELECT dispute_id AS id FROM dispute"
                + " WHERE funds_withdrawn_at IS NOT NULL AND payment_order_id LIKE ?");
        List<String> reinstated = ids("payment", "SELECT dispute_id AS id FROM dispute"
                + " WHERE funds_reinstated_at IS NOT NULL AND payment_order_id LIKE ?");
        List<String> problems = new ArrayList<>();
        problems.addAll(exactlyOnce(withdrawn, counts("wallet", "SELECT dispute_id AS id, count(*) AS n FROM wallet_movement"
                + " WHERE kind = 'DEBIT' AND dispute_id IS NOT NULL AND payment_order_id LIKE ? GROUP BY 1")));
        problems.addAll(exactlyOnce(withdrawn, counts("ledger", "SELECT dispute_id AS id, count(*) AS n FROM journal_entry"
                + " WHERE kind = 'DISPUTE_FUNDS_WITHDRAWN' AND payment_order_id LIKE ? GROUP BY 1")));
        problems.addAll(exactlyOnce(reinstated, counts("wallet", "SELECT dispute_id AS id, count(*) AS n FROM wallet_movement"
                + " WHERE kind = 'CREDIT' AND dispute_id IS NOT NULL AND payment_order_id LIKE ? GROUP BY 1")));
        problems.addAll(exactlyOnce(reinstated, counts("ledger", "SELECT dispute_id AS id, count(*) AS n FROM journal_entry"
                + " WHERE kind = 'DISPUTE_FUNDS_REINSTATED' AND payment_order_id LIKE ? GROUP BY 1")));
        return problems;
    }

    private List<String> trialBalance() {
        List<String> problems = new ArrayList<>();
        for (var row : db.rows("ledger", "SELECT currency, sum(debits_minor) AS debits, sum(credits_minor) AS credits"
                + " FROM account_balance GROUP BY currency ORDER BY currency")) {
            long debits = ((Number) row.get("debits")).longValue();
            long credits = ((Number) row.get("credits")).longValue();
            if (debits != credits) {
                problems.add(row.get("currency") + ": debits " + debits + " vs credits " + credits);
            }
        }
        return problems;
    }

    private List<String> walletsMatchSellerPayable() {
        Map<String, Long> wallets = balances("wallet",
                "SELECT account_id || ' ' || currency AS k, balance_minor AS v FROM wallet_balance WHERE account_id LIKE ?",
                like);
        Map<String, Long> ledger = balances("ledger",
                "SELECT substr(account_id, length('seller_payable:') + 1) || ' ' || currency AS k, credits_minor - debits_minor AS v"
                        + " FROM account_balance WHERE account_id LIKE ?", "seller\\_payable:" + like);
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(union(wallets.keySet(), ledger.keySet()))) {
            long wallet = wallets.getOrDefault(key, 0L);
            long payable = ledger.getOrDefault(key, 0L);
            if (wallet != payable) {
                differences.add(key + ": wallet " + wallet + " vs seller_payable " + payable);
            }
        }
        return differences;
    }

    /** Each id in {@code succeeded} has exactly one effect; no other id has any. */
    private static List<String> exactlyOnce(List<String> succeeded, Map<String, Long> counts) {
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
        return wrong;
    }

    private List<String> outboxesDrained() {
        List<String> problems = new ArrayList<>();
        for (String database : OUTBOX_DATABASES) {
            long unsent = db.count(database, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
            if (unsent > 0) {
                problems.add(database + ": " + unsent + " unsent rows");
            }
        }
        return problems;
    }

    private List<String> ids(String database, String sql) {
        return db.rows(database, sql, like).stream().map(row -> (String) row.get("id")).toList();
    }

    private Map<String, Long> counts(String database, String sql) {
        Map<String, Long> counts = new HashMap<>();
        for (var row : db.rows(database, sql, like)) {
            counts.put((String) row.get("id"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    private Map<String, Long> balances(String database, String sql, String pattern) {
        Map<String, Long> balances = new HashMap<>();
        for (var row : db.rows(database, sql, pattern)) {
            balances.put(((String) row.get("k")).trim(), ((Number) row.get("v")).longValue());
        }
        return balances;
    }

    /** LIKE's wildcards in ids ({@code _} is allowed in them) match only themselves. */
    private static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String examples(List<String> items) {
        return items.size() + " wrong, e.g. " + String.join("; ", items.subList(0, Math.min(EXAMPLES, items.size())))
                + (items.size() > EXAMPLES ? "; ..." : "");
    }
}
