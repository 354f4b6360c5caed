package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.Side;
import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.ledger.journal.JournalLine;
import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The postings of docs/architecture.md §7 and the checks on a payment.results record, without Spring, Kafka or a database. */
@Tag("fast")
class PostingRulesTest {

    private static final AccountId SELLER = AccountId.sellerPayable("seller_1");

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
        assertThatThrownBy(() -> new NewJournalEntry(UUID.randomUUID(), "po_1", EntryKind.PAYMENT, null, "chk_1",
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
        assertThat(AccountId.parse("cash")).isEmpty();
        assertThat(SELLER.type().balanceMinor(100, 250)).isEqualTo(150);
        assertThat(AccountId.PSP_RECEIVABLE.type().balanceMinor(250, 100)).isEqualTo(150);
    }
}
