package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.AccountType;
import dev.kassa.ledger.account.Side;
import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.ledger.journal.JournalLine;
import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.ledger.journal.PostedEntry;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The postings of docs/architecture.md §7 and §15 and the checks on a payment.results record, without Spring, Kafka or
 * a database.
 */
@Tag("fast")
class PostingRulesTest {

    private static final AccountId SELLER = AccountId.sellerPayable("seller_1");
    private static final PaymentOrderSucceeded PAYMENT = TestEvents.paymentSucceeded("po_1", "seller_1", 2999, "USD");

    @Test
    void aPaymentDebitsThePspAndCreditsTheSeller() {
        NewJournalEntry entry = PostingRules.entryFor(
                PostingRequest.of(TestEvents.paymentSucceeded("po_1", "seller_1", 2999, "USD")), UUID.randomUUID());

        assertThat(entry.kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(entry.refundId()).isNull();
        assertThat(entry.lines()).containsExactly(
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.DEBIT, 2999, "USD"),
                new JournalLine(SELLER, Side.CREDIT, 2999, "USD"));
    }

    @Test
    void aRefundReversesItForTheRefundedAmount() {
        NewJournalEntry entry = PostingRules.entryFor(
                PostingRequest.of(TestEvents.refundSucceeded("po_1", "rf_1", "seller_1", 1000, "KWD")),
                UUID.randomUUID());

        assertThat(entry.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(entry.refundId()).isEqualTo("rf_1");
        assertThat(entry.lines()).containsExactly(
                new JournalLine(SELLER, Side.DEBIT, 1000, "KWD"),
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.CREDIT, 1000, "KWD"));
    }

    @Test
    void withdrawnFundsWithAFeeThePlatformBearsDebitTheSellerTheAmountAndDisputeFeesTheFee() {
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(PAYMENT, 1500, DisputeFeeBearer.PLATFORM);

        NewJournalEntry entry = PostingRules.entryFor(PostingRequest.of(withdrawn), UUID.randomUUID());

        assertThat(entry.kind()).isEqualTo(EntryKind.DISPUTE_FUNDS_WITHDRAWN);
        assertThat(entry.disputeId()).isEqualTo(withdrawn.getDisputeId()).startsWith("du_");
        assertThat(entry.refundId()).isNull();
        assertThat(entry.lines()).containsExactly(
                new JournalLine(SELLER, Side.DEBIT, 2999, "USD"),
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.CREDIT, 4499, "USD"),
                new JournalLine(AccountId.DISPUTE_FEES, Side.DEBIT, 1500, "USD"));
    }

    @Test
    void aFeeTheSellerBearsIsDebitedFromTheSellerToo() {
        NewJournalEntry entry = PostingRules.entryFor(PostingRequest.of(
                TestEvents.disputeFundsWithdrawn(PAYMENT, 1500, DisputeFeeBearer.SELLER)), UUID.randomUUID());

        assertThat(entry.lines()).containsExactly(
                new JournalLine(SELLER, Side.DEBIT, 2999, "USD"),
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.CREDIT, 4499, "USD"),
                new JournalLine(SELLER, Side.DEBIT, 1500, "USD"));
    }

    @Test
    void withoutAFeeThereIsNoFeeLine() {
        NewJournalEntry entry = PostingRules.entryFor(PostingRequest.of(
                TestEvents.disputeFundsWithdrawn(PAYMENT, 0, DisputeFeeBearer.PLATFORM)), UUID.randomUUID());

        assertThat(entry.lines()).containsExactly(
                new JournalLine(SELLER, Side.DEBIT, 2999, "USD"),
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.CREDIT, 2999, "USD"));
    }

    @Test
    void reinstatedFundsMirrorTheWithdrawalLineByLine() {
        for (DisputeFeeBearer bearer : DisputeFeeBearer.values()) {
            DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(PAYMENT, 1500, bearer);
            List<JournalLine> withdrawal =
                    PostingRules.entryFor(PostingRequest.of(withdrawn), UUID.randomUUID()).lines();

            NewJournalEntry back = PostingRules.entryFor(
                    PostingRequest.of(TestEvents.disputeFundsReinstated(withdrawn, 1500)), UUID.randomUUID());

            assertThat(back.kind()).isEqualTo(EntryKind.DISPUTE_FUNDS_REINSTATED);
            assertThat(back.disputeId()).isEqualTo(withdrawn.getDisputeId());
            assertThat(back.lines()).as(bearer.name()).containsExactlyElementsOf(withdrawal.stream()
                    .map(l -> new JournalLine(l.account(), l.side() == Side.DEBIT ? Side.CREDIT : Side.DEBIT,
                            l.amountMinor(), l.currency()))
                    .toList());
        }
    }

    @Test
    void aFeeThePspKeepsIsNotReinstated() {
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(PAYMENT, 1500, DisputeFeeBearer.PLATFORM);

        NewJournalEntry back = PostingRules.entryFor(
                PostingRequest.of(TestEvents.disputeFundsReinstated(withdrawn, 0)), UUID.randomUUID());

        assertThat(back.lines()).containsExactly(
                new JournalLine(SELLER, Side.CREDIT, 2999, "USD"),
                new JournalLine(AccountId.PSP_RECEIVABLE, Side.DEBIT, 2999, "USD"));
    }

    @Test
    void aPostedDisputeEntryReadsBackAsTheFundsItMoved() {
        for (DisputeFeeBearer bearer : DisputeFeeBearer.values()) {
            for (long fee : new long[] {0, 1500}) {
                PostingRequest request = PostingRequest.of(TestEvents.disputeFundsWithdrawn(PAYMENT, fee, bearer));
                NewJournalEntry entry = PostingRules.entryFor(request, UUID.randomUUID());

                DisputeFunds funds = PostingRules.fundsOf(
                        new PostedEntry(entry.id(), entry.paymentOrderId(), entry.sellerId(), entry.lines()));

                assertThat(funds).as(bearer + " " + fee).isEqualTo(DisputeFunds.of(request));
                assertThat(funds.feeBearer()).isEqualTo(fee == 0 ? null : bearer);
            }
        }
    }

    @Test
    void aDisputeRecordThatCanNeverBePostedIsInvalid() {
        DisputeFundsWithdrawn valid = TestEvents.disputeFundsWithdrawn(PAYMENT, 100, DisputeFeeBearer.SELLER);

        assertThatThrownBy(() -> PostingRequest.of(DisputeFundsWithdrawn.newBuilder(valid).setAmountMinor(0).build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("amount_minor");
        assertThatThrownBy(() -> PostingRequest.of(DisputeFundsWithdrawn.newBuilder(valid).setFeeMinor(-1).build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("fee_minor");
        assertThatThrownBy(() -> PostingRequest.of(DisputeFundsWithdrawn.newBuilder(valid).setDisputeId("").build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("dispute_id");
        assertThatThrownBy(() -> PostingRequest.of(DisputeFundsWithdrawn.newBuilder(valid)
                .setAmountMinor(Long.MAX_VALUE).build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> PostingRequest.of(DisputeFundsReinstated.newBuilder(
                        TestEvents.disputeFundsReinstated(valid, 0)).setCurrency("usd").build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("currency");
    }

    @Test
    void aRecordThatCanNeverBePostedIsInvalid() {
        PaymentOrderSucceeded valid = TestEvents.paymentSucceeded("po_1", "seller_1", 100, "USD");

        assertThatThrownBy(() -> PostingRequest.of(PaymentOrderSucceeded.newBuilder(valid).setAmountMinor(0).build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("amount_minor");
        assertThatThrownBy(() -> PostingRequest.of(PaymentOrderSucceeded.newBuilder(valid).setCurrency("usd").build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> PostingRequest.of(PaymentOrderSucceeded.newBuilder(valid).setSellerAccount("a/b").build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("seller_account");
        assertThatThrownBy(() -> PostingRequest.of(PaymentOrderSucceeded.newBuilder(valid).setPaymentOrderId(" ").build()))
                .isInstanceOf(InvalidPaymentResultException.class).hasMessageContaining("payment_order_id");
    }

    @Test
    void anUnbalancedEntryCannotEvenBeBuilt() {
        assertThatThrownBy(() -> new NewJournalEntry(UUID.randomUUID(), "po_1", EntryKind.PAYMENT, null, null, "chk_1",
                "seller_1", "ev_1", Instant.now(), List.of(
                        new JournalLine(AccountId.PSP_RECEIVABLE, Side.DEBIT, 100, "USD"),
                        new JournalLine(SELLER, Side.CREDIT, 100, "EUR")), null))
                .hasMessageContaining("does not balance");
    }

    @Test
    void accountIdsParseOnlyInTheirKassaForms() {
        assertThat(AccountId.parse("psp_receivable")).contains(AccountId.PSP_RECEIVABLE);
        assertThat(AccountId.parse("seller_payable:seller_1")).contains(SELLER);
        assertThat(AccountId.parse("seller_payable:")).isEmpty();
        assertThat(AccountId.parse("seller_payable:a b")).isEmpty();
        assertThat(AccountId.parse("dispute_fees")).contains(AccountId.DISPUTE_FEES);
        assertThat(AccountId.parse("dispute_fees:seller_1")).isEmpty();
        assertThat(AccountId.parse("cash")).isEmpty();
        assertThat(AccountId.DISPUTE_FEES.type()).isEqualTo(AccountType.EXPENSE);
        assertThat(AccountId.DISPUTE_FEES.type().balanceMinor(250, 100)).as("an expense grows with debits")
                .isEqualTo(150);
        assertThat(SELLER.type().balanceMinor(100, 250)).isEqualTo(150);
        assertThat(AccountId.PSP_RECEIVABLE.type().balanceMinor(250, 100)).isEqualTo(150);
    }
}
