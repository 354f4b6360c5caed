package dev.kassa.launcher.demo;

import dev.kassa.client.Checkout;
import dev.kassa.client.Dispute;
import dev.kassa.client.DisputeStatus;
import dev.kassa.client.EvidenceRequest;
import dev.kassa.client.PaymentOrder;
import dev.kassa.client.PaymentOrderStatus;
import dev.kassa.client.Refund;
import dev.kassa.client.RefundRequest;
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
 * Drives real payments through the running system the way a checkout frontend's back end (with the demo merchant's
 * key, through kassa-client, the library merchants take) and an operator (with the operator key) would:
 * twenty-one checkouts across sellers, currencies and PSP outcomes, a duplicate submission, a partial refund, and
 * a disputed payment whose merchant wins the dispute with evidence; then prints what every service says about them.
 */
public final class Demo {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final KassaSystem system;
    /** The demo merchant's back end: its checkouts, their orders, a refund, a dispute. */
    private final dev.kassa.client.KassaClient merchant;
    /** An operator with every role: wallets, ledger and reconciliation (FINANCE runs it). */
    private final KassaClient operator;

    public Demo(KassaSystem system) {
        this.system = system;
        this.merchant = dev.kassa.client.KassaClient.builder().baseUrl(system.url(KassaService.PAYMENT))
                .apiKey(system.credentials().merchant().key()).build();
        this.operator = KassaClient.withKey(system.credentials().operator().key());
    }

    public void run(PrintStream out) {
        try (merchant) {
            String runId = "demo" + Instant.now().getEpochSecond();
            List<CheckoutRequest> checkouts = DemoPlan.plan(runId);
            out.printf("%nDemo %s: submitting %d checkouts ...%n", runId, checkouts.size());
            for (CheckoutRequest checkout : checkouts) {
                Checkout accepted = merchant.createCheckout(checkout.request());
                out.printf("  POST %-22s %-40s -> %s%n", checkout.checkoutId(), DemoPlan.describe(checkout),
                        accepted.status());
            }

            CheckoutRequest first = checkouts.getFirst();
            Checkout duplicate = merchant.createCheckout(first.request());
            out.printf("  duplicate POST %s -> %s (same body: the existing checkout, nothing new)%n",
                    first.checkoutId(), duplicate.status());

            out.println("Waiting for every checkout to settle (PSP answers and webhooks, wallet, ledger) ...");
            Map<String, Checkout> settled = awaitSettled(checkouts);

            refundPartOfFirstSucceededOrder(settled, out);
            winTheDispute(checkouts.getLast(), out);

            printSummary(settled, out);
        }
    }

    private Map<String, Checkout> awaitSettled(List<CheckoutRequest> checkouts) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        Map<String, Checkout> latest = new LinkedHashMap<>();
        while (true) {
            boolean allCompleted = true;
            for (CheckoutRequest checkout : checkouts) {
                Checkout current = merchant.getCheckout(checkout.checkoutId());
                latest.put(checkout.checkoutId(), current);
                allCompleted &= current.isCompleted();
            }
            if (allCompleted || Instant.now().isAfter(deadline)) {
                return latest;
            }
            pause();
        }
    }

    private void refundPartOfFirstSucceededOrder(Map<String, Checkout> settled, PrintStream out) {
        for (Checkout checkout : settled.values()) {
            for (Checkout.PaymentOrderSummary order : checkout.paymentOrders()) {
                if (order.status() != PaymentOrderStatus.SUCCEEDED) {
                    continue;
                }
                String orderId = order.paymentOrderId();
                String refundAmount = DemoPlan.half(order.amount(), order.currency());
                Refund refund = merchant.refund(orderId, new RefundRequest(orderId + "-r1", refundAmount));
                out.printf("Partial refund of %s %s on %s -> %s%n", refundAmount, order.currency(), orderId,
                        refund.status());
                awaitRefund(orderId);
                return;
            }
        }
    }

    private void awaitRefund(String orderId) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (merchant.getPaymentOrder(orderId).status().name().contains("REFUNDED")) {
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
        Dispute dispute = awaitDispute(orderId, d -> d.fundsWithdrawnAt() != null);
        if (dispute == null) {
            out.printf("Dispute of %s: none reported by the PSP within %s%n", orderId, SETTLE_TIMEOUT);
            return;
        }
        out.printf("Dispute %s of %s (%s): %s %s withdrawn, fee %s minor units borne by %s%n", dispute.disputeId(),
                orderId, dispute.reason(), dispute.amount(), dispute.currency(), dispute.feeMinor(),
                dispute.feeBearer());
        Dispute submitted = merchant.submitDisputeEvidence(dispute.disputeId(),
                EvidenceRequest.submit(Map.of("uncategorized_text", "winning_evidence")));
        out.printf("  evidence submitted -> %s%n", submitted.status());
        Dispute decided = awaitDispute(orderId, d -> d.fundsReinstatedAt() != null
                || d.status() == DisputeStatus.LOST);
        out.printf("  decided: %s%s%n", decided == null ? "not within " + SETTLE_TIMEOUT : decided.status(),
                decided != null && decided.fundsReinstatedAt() != null ? ", funds reinstated" : "");
    }

    /** The newest dispute of {@code orderId} once {@code condition} holds; null after the settle timeout. */
    private Dispute awaitDispute(String orderId, Predicate<Dispute> condition) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (Dispute dispute : merchant.listDisputes(null, 50)) {
                if (orderId.equals(dispute.paymentOrderId()) && condition.test(dispute)) {
                    return dispute;
                }
            }
            pause();
        }
        return null;
    }

    private void printSummary(Map<String, Checkout> settled, PrintStream out) {
        out.println();
        out.println("=== Checkouts ===");
        TreeSet<String> sellers = new TreeSet<>();
        for (String checkoutId : settled.keySet()) {
            Checkout checkout = merchant.getCheckout(checkoutId);
            out.printf("%-24s %s%n", checkoutId, checkout.status());
            for (Checkout.PaymentOrderSummary order : checkout.paymentOrders()) {
                PaymentOrder detail = merchant.getPaymentOrder(order.paymentOrderId());
                sellers.add(order.sellerAccount());
                out.printf("    %-26s %-13s %9s %s  %-19s wallet=%-5s ledger=%-5s %s%n",
                        order.paymentOrderId(), order.sellerAccount(), order.amount(), order.currency(),
                        detail.status(), order.walletUpdated(), order.ledgerUpdated(),
                        order.failureCode() == null ? "" : order.failureCode());
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
