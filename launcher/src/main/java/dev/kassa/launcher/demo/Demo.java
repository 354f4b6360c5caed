package dev.kassa.launcher.demo;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Drives real payments through the running system the way a checkout frontend (with the demo merchant's key) and an
 * operator (with the operator key) would:
 * twenty-one checkouts across sellers, currencies and PSP outcomes, a duplicate submission, a partial refund, and
 * a disputed payment whose merchant wins the dispute with evidence; then prints what every service says about them.
 */
public final class Demo {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final KassaSystem system;
    /** The demo merchant's checkout frontend: its checkouts, their orders, a refund. */
    private final KassaClient merchant;
    /** An operator with every role: wallets, ledger and reconciliation (FINANCE runs it). */
    private final KassaClient operator;

    public Demo(KassaSystem system) {
        this.system = system;
        this.merchant = KassaClient.withKey(system.credentials().merchant().key());
        this.operator = KassaClient.withKey(system.credentials().operator().key());
    }

    public void run(PrintStream out) {
        String runId = "demo" + Instant.now().getEpochSecond();
        List<CheckoutRequest> checkouts = DemoPlan.plan(runId);
        out.printf("%nDemo %s: submitting %d checkouts ...%n", runId, checkouts.size());
        for (CheckoutRequest checkout : checkouts) {
            KassaClient.Response response = merchant.post(payments("/api/v1/payments"), checkout.body());
            out.printf("  POST %-22s %-40s -> %d%n", checkout.checkoutId(), DemoPlan.describe(checkout), response.status());
        }

        CheckoutRequest first = checkouts.getFirst();
        KassaClient.Response duplicate = merchant.post(payments("/api/v1/payments"), first.body());
        out.printf("  duplicate POST %s -> %d (same body: the existing checkout, nothing new)%n",
                first.checkoutId(), duplicate.status());

        out.println("Waiting for every checkout to settle (PSP answers and webhooks, wallet, ledger) ...");
        Map<String, JsonNode> settled = awaitSettled(checkouts);

        refundPartOfFirstSucceededOrder(settled, out);
        winTheDispute(checkouts.getLast(), out);

        printSummary(settled, out);
    }

    private Map<String, JsonNode> awaitSettled(List<CheckoutRequest> checkouts) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        while (true) {
            boolean allCompleted = true;
            for (CheckoutRequest checkout : checkouts) {
                JsonNode body = merchant.get(payments("/api/v1/payments/" + checkout.checkoutId())).body();
                latest.put(checkout.checkoutId(), body);
                allCompleted &= "COMPLETED".equals(body.path("status").asString());
            }
            if (allCompleted || Instant.now().isAfter(deadline)) {
                return latest;
            }
            pause();
        }
    }

    private void refundPartOfFirstSucceededOrder(Map<String, JsonNode> settled, PrintStream out) {
        for (JsonNode checkout : settled.values()) {
            for (JsonNode order : checkout.path("payment_orders")) {
                if (!"SUCCEEDED".equals(order.path("status").asString())) {
                    continue;
                }
                String orderId = order.path("payment_order_id").asString();
                String refundAmount = DemoPlan.half(order.path("amount").asString(), order.path("currency").asString());
                KassaClient.Response response = merchant.post(payments("/api/v1/payment-orders/" + orderId + "/refunds"),
                        Map.of("refund_id", orderId + "-r1", "amount", refundAmount));
                out.printf("Partial refund of %s %s on %s -> %d%n", refundAmount, order.path("currency").asString(),
                        orderId, response.status());
                awaitRefund(orderId);
                return;
            }
        }
    }

    private void awaitRefund(String orderId) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode order = merchant.get(payments("/api/v1/payment-orders/" + orderId)).body();
            String status = order.path("status").asString();
            if (status.contains("REFUNDED")) {
                return;
            }
            pause();
        }
    }

    /**
     * The disputed payment's dispute, as the merchant's back office answers it: the PSP withdrew the amount and its
     * fee, the merchant submits psp-mock's deciding test evidence, the PSP decides it won a few seconds later and gives
     * the money back. Wallet and ledger book both movements; reconciliation matches the PSP's dispute rows.
     */
    private void winTheDispute(CheckoutRequest disputed, PrintStream out) {
        String orderId = disputed.orders().getFirst().paymentOrderId();
        JsonNode dispute = awaitDispute(orderId, d -> !d.path("funds_withdrawn_at").isNull());
        if (dispute == null) {
            out.printf("Dispute of %s: none reported by the PSP within %s%n", orderId, SETTLE_TIMEOUT);
            return;
        }
        String disputeId = dispute.path("dispute_id").asString();
        out.printf("Dispute %s of %s (%s): %s %s withdrawn, fee %s minor units borne by %s%n", disputeId, orderId,
                dispute.path("reason").asString(), dispute.path("amount").asString(), dispute.path("currency").asString(),
                dispute.path("fee_minor").asString(), dispute.path("fee_bearer").asString());
        KassaClient.Response evidence = merchant.post(payments("/api/v1/disputes/" + disputeId + "/evidence"),
                Map.of("evidence", Map.of("uncategorized_text", "winning_evidence")));
        out.printf("  evidence submitted -> %d %s%n", evidence.status(), evidence.body().path("status").asString());
        JsonNode decided = awaitDispute(orderId, d -> !d.path("funds_reinstated_at").isNull()
                || "LOST".equals(d.path("status").asString()));
        out.printf("  decided: %s%s%n", decided == null ? "not within " + SETTLE_TIMEOUT : decided.path("status").asString(),
                decided != null && !decided.path("funds_reinstated_at").isNull() ? ", funds reinstated" : "");
    }

    /** The newest dispute of {@code orderId} once {@code condition} holds; null after the settle timeout. */
    private JsonNode awaitDispute(String orderId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode dispute : merchant.get(payments("/api/v1/disputes?limit=50")).body()) {
                if (orderId.equals(dispute.path("payment_order_id").asString()) && condition.test(dispute)) {
                    return dispute;
                }
            }
            pause();
        }
        return null;
    }

    private void printSummary(Map<String, JsonNode> settled, PrintStream out) {
        out.println();
        out.println("=== Checkouts ===");
        TreeSet<String> sellers = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : settled.entrySet()) {
            JsonNode checkout = merchant.get(payments("/api/v1/payments/" + entry.getKey())).body();
            out.printf("%-24s %s%n", entry.getKey(), checkout.path("status").asString());
            for (JsonNode order : checkout.path("payment_orders")) {
                JsonNode detail = merchant.get(payments("/api/v1/payment-orders/" + order.path("payment_order_id").asString())).body();
                sellers.add(order.path("seller_account").asString());
                out.printf("    %-26s %-13s %9s %s  %-19s wallet=%-5s ledger=%-5s %s%n",
                        order.path("payment_order_id").asString(), order.path("seller_account").asString(),
                        order.path("amount").asString(), order.path("currency").asString(),
                        detail.path("status").asString(order.path("status").asString()),
                        order.path("wallet_updated").asString(), order.path("ledger_updated").asString(),
                        order.path("failure_code").isNull() ? "" : order.path("failure_code").asString(""));
            }
        }

        out.println();
        out.println("=== Seller wallets (wallet-service) and seller_payable (ledger-service) ===");
        for (String seller : sellers) {
            JsonNode wallet = operator.get(url(KassaService.WALLET, "/api/v1/wallets/" + seller)).body();
            JsonNode account = operator.get(url(KassaService.LEDGER, "/api/v1/ledger/accounts/seller_payable:" + seller)).body();
            List<String> balances = new ArrayList<>();
            for (JsonNode balance : wallet.path("balances")) {
                balances.add(balance.path("amount").asString() + " " + balance.path("currency").asString());
            }
            List<String> ledger = new ArrayList<>();
            for (JsonNode balance : account.path("balances")) {
                ledger.add(balance.path("balance").asString() + " " + balance.path("currency").asString());
            }
            out.printf("  %-14s wallet: %-40s ledger: %s%n", seller, String.join(", ", balances), String.join(", ", ledger));
        }

        out.println();
        out.println("=== Ledger trial balance ===");
        JsonNode trial = operator.get(url(KassaService.LEDGER, "/api/v1/ledger/trial-balance")).body();
        out.println("  balanced: " + trial.path("balanced").asString());
        for (JsonNode currency : trial.path("currencies")) {
            out.printf("  %s  debits %s  credits %s (minor units)%n", currency.path("currency").asString(),
                    currency.path("total_debits_minor").asString(), currency.path("total_credits_minor").asString());
        }

        out.println();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        out.println("=== Reconciliation for " + today + " (UTC) ===");
        JsonNode report = reconcile(today);
        if (report.path("discrepancies").size() > 0) {
            // The reconciliation projection consumes the same events a moment after payment-service: a
            // finding right after the demo may only be lag, and a rerun for the date replaces the report.
            pause();
            report = reconcile(today);
        }
        out.printf("  status %s, matched %s, discrepancies %d%n", report.path("status").asString(),
                report.path("matched_count").asString(), report.path("discrepancies").size());
        for (JsonNode discrepancy : report.path("discrepancies")) {
            out.printf("    %s %s %s%n", discrepancy.path("type").asString(),
                    discrepancy.path("payment_order_id").asString(""), discrepancy.path("detail").asString(""));
        }
        for (JsonNode total : report.path("totals")) {
            out.printf("    %s  PSP gross %s, fees %s, net %s  |  ours: gross %s, net %s%n",
                    total.path("currency").asString(), total.path("psp_gross").asString(),
                    total.path("psp_fees").asString(), total.path("psp_net").asString(),
                    total.path("expected_gross").asString(), total.path("expected_net").asString());
            if (total.path("psp_dispute_count").asLong() > 0) {
                out.printf("         disputes: %d PSP rows, gross %s, fees %s, net %s%n",
                        total.path("psp_dispute_count").asLong(), total.path("psp_dispute_gross").asString(),
                        total.path("psp_dispute_fees").asString(), total.path("psp_dispute_net").asString());
            }
        }
    }

    private JsonNode reconcile(String date) {
        KassaClient.Response run = operator.post(url(KassaService.RECONCILIATION, "/api/v1/reconciliations"), Map.of("date", date));
        return run.isSuccess()
                ? operator.get(url(KassaService.RECONCILIATION, "/api/v1/reconciliations/" + date)).body()
                : run.body();
    }

    private String payments(String path) {
        return url(KassaService.PAYMENT, path);
    }

    private String url(KassaService service, String path) {
        return system.url(service) + path;
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
