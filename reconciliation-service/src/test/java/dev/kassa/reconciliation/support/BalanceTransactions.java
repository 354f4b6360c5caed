package dev.kassa.reconciliation.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a day's Stripe balance transactions ({@code source} expanded, as the job asks for them), with
 * whatever faults a test wants in them.
 */
public final class BalanceTransactions implements Iterable<BalanceTransactions.Txn> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One listed transaction: its id (for {@code starting_after}) and its JSON. */
    public record Txn(String id, String json) {
    }

    private final List<Txn> transactions = new ArrayList<>();

    public BalanceTransactions charge(String balanceTransactionId, String paymentIntentId, String paymentOrderId,
                                      long amount, long fee, String currency, Instant createdAt) {
        return add(chargeTransaction(balanceTransactionId, paymentIntentId, paymentOrderId, amount, fee, currency,
                createdAt).json());
    }

    /** A charge as Stripe lists it, its Charge expanded with the intent's metadata (none if no order id). */
    public static Txn chargeTransaction(String balanceTransactionId, String paymentIntentId, String paymentOrderId,
                                        long amount, long fee, String currency, Instant createdAt) {
        ObjectNode source = JSON.createObjectNode().put("id", "ch_" + paymentIntentId).put("object", "charge")
                .put("payment_intent", paymentIntentId);
        ObjectNode metadata = source.putObject("metadata");
        if (paymentOrderId != null) {
            metadata.put("payment_order_id", paymentOrderId);
        }
        return new Txn(balanceTransactionId,
                transaction(balanceTransactionId, "charge", amount, fee, currency, createdAt, source));
    }

    public BalanceTransactions charge(TestPayment p) {
        return charge("txn_" + p.pspReference(), p.pspReference(), p.orderId(), p.amountMinor(), fee(p.amountMinor()),
                p.currency(), p.at());
    }

    /** {@code amount} positive; listed negative, as Stripe lists refunds. */
    public BalanceTransactions refund(String balanceTransactionId, String paymentIntentId, String paymentOrderId,
                                      String pspRefundId, long amount, String currency, Instant createdAt) {
        ObjectNode source = JSON.createObjectNode().put("id", pspRefundId).put("object", "refund")
                .put("payment_intent", paymentIntentId);
        source.putObject("metadata").put("payment_order_id", paymentOrderId);
        return add(transaction(balanceTransactionId, "refund", -amount, 0, currency, createdAt, source));
    }

    public BalanceTransactions refund(TestRefund r) {
        return refund("txn_" + r.pspRefundReference(), r.payment().pspReference(), r.payment().orderId(),
                r.pspRefundReference(), r.amountMinor(), r.payment().currency(), r.at());
    }

    /**
     * A dispute's withdrawal as Stripe lists it: {@code type} adjustment, reporting category {@code dispute}, minus the
     * disputed {@code amount}, the dispute fee in {@code fee}, the Dispute (open) as its expanded source.
     */
    public BalanceTransactions disputeWithdrawal(String balanceTransactionId, String disputeId, String paymentIntentId,
                                                 long amount, long disputeFee, String currency, Instant createdAt) {
        return add(transaction(balanceTransactionId, "adjustment", "dispute", -amount, disputeFee, currency, createdAt,
                dispute(disputeId, paymentIntentId, amount, currency, "needs_response")));
    }

    /**
     * A won dispute's reversal: reporting category {@code dispute_reversal}, the disputed {@code amount} back;
     * {@code fee} 0, or minus the dispute fee when the PSP returns it.
     */
    public BalanceTransactions disputeReversal(String balanceTransactionId, String disputeId, String paymentIntentId,
                                               long amount, long fee, String currency, Instant createdAt) {
        return add(transaction(balanceTransactionId, "adjustment", "dispute_reversal", amount, fee, currency,
                createdAt, dispute(disputeId, paymentIntentId, amount, currency, "won")));
    }

    /** The withdrawal of a test dispute as the PSP lists it: minus its amount, its fee ({@code txn_dpw_<dispute>}). */
    public BalanceTransactions disputeWithdrawal(TestDispute d) {
        return disputeWithdrawal("txn_dpw_" + d.disputeId(), d.disputeId(), d.payment().pspReference(), d.amountMinor(),
                d.feeMinor(), d.currency(), d.at());
    }

    /** The reversal of a test dispute's reinstatement: its amount back, minus the fee returned ({@code txn_dpr_…}). */
    public BalanceTransactions disputeReversal(TestDispute.Reinstatement r) {
        TestDispute d = r.dispute();
        return disputeReversal("txn_dpr_" + d.disputeId(), d.disputeId(), d.payment().pspReference(), r.amountMinor(),
                -r.feeReturnedMinor(), d.currency(), r.at());
    }

    /** Stripe's Dispute as the list expands it: no payment order id (its metadata is the dispute's own). */
    private static ObjectNode dispute(String disputeId, String paymentIntentId, long amount, String currency,
                                      String status) {
        ObjectNode source = JSON.createObjectNode().put("id", disputeId).put("object", "dispute")
                .put("amount", amount).put("charge", "ch_" + paymentIntentId).put("payment_intent", paymentIntentId)
                .put("currency", currency.toLowerCase(Locale.ROOT)).put("reason", "fraudulent").put("status", status);
        source.putObject("metadata");
        return source;
    }

    /** A transaction exactly as given, e.g. one the job cannot map. */
    public BalanceTransactions raw(String json) {
        return add(json);
    }

    public static long fee(long amount) {
        return amount * 29 / 1000 + 30;
    }

    /** A charge or refund as Stripe lists it: lower-case currency, unix seconds. */
    public static String transaction(String id, String type, long amount, long fee, String currency,
                                     Instant createdAt, ObjectNode source) {
        return transaction(id, type, type, amount, fee, currency, createdAt, source);
    }

    private static String transaction(String id, String type, String reportingCategory, long amount, long fee,
                                      String currency, Instant createdAt, ObjectNode source) {
        ObjectNode txn = JSON.createObjectNode().put("id", id).put("object", "balance_transaction")
                .put("amount", amount).put("currency", currency.toLowerCase(Locale.ROOT)).put("fee", fee)
                .put("net", amount - fee).put("type", type).put("created", createdAt.getEpochSecond())
                .put("available_on", createdAt.getEpochSecond() + 2 * 86_400).put("status", "available")
                .put("reporting_category", reportingCategory);
        txn.set("source", source);
        return txn.toString();
    }

    private BalanceTransactions add(String json) {
        transactions.add(new Txn(JSON.readTree(json).path("id").asString(), json));
        return this;
    }

    @Override
    public Iterator<Txn> iterator() {
        return List.copyOf(transactions).iterator();
    }
}
