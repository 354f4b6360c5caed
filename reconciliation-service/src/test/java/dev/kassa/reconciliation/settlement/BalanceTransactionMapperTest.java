package dev.kassa.reconciliation.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BalanceTransactionMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aChargeBecomesARowWithThePaymentOrderOfTheIntentsMetadata() {
        SettlementRow row = BalanceTransactionMapper.toRow(1, json("""
                {"id":"txn_1","object":"balance_transaction","amount":2999,"currency":"usd","fee":117,"net":2882,
                 "type":"charge","created":1763596800,"status":"available",
                 "source":{"id":"ch_1","object":"charge","payment_intent":"pi_1","metadata":{"payment_order_id":"po-1"}}}
                """));

        assertThat(row).isEqualTo(new SettlementRow(1, "txn_1", SettlementType.CHARGE, "pi_1", "po-1", null, null,
                2999, 117, 2882, "USD", Instant.ofEpochSecond(1763596800)));
    }

    @Test
    void aRefundCarriesTheRefundsIdAndANegativeAmount() {
        SettlementRow row = BalanceTransactionMapper.toRow(2, json("""
                {"id":"txn_2","amount":-500,"currency":"eur","fee":0,"net":-500,"type":"refund","created":1763596900,
                 "source":{"id":"re_1","object":"refund","payment_intent":"pi_1","metadata":{"payment_order_id":"po-1","refund_id":"rf-1"}}}
                """));

        assertThat(row.refundId()).isEqualTo("re_1");
        assertThat(row.paymentOrderId()).isEqualTo("po-1");
        assertThat(row.amountMinor()).isEqualTo(-500);
        assertThat(row.currency()).isEqualTo("EUR");
    }

    @Test
    void aChargeWithoutAPaymentOrderIdStillMatchesByItsIntentButOneWithoutEitherIsUnmappable() {
        assertThat(BalanceTransactionMapper.toRow(3, json("""
                {"id":"txn_3","amount":100,"currency":"usd","fee":0,"net":100,"type":"charge","created":1,
                 "source":{"id":"ch_3","payment_intent":"pi_3","metadata":{}}}
                """)).paymentIntentId()).isEqualTo("pi_3");
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(3, json("""
                {"id":"txn_3","amount":100,"currency":"usd","fee":0,"net":100,"type":"charge","created":1,
                 "source":{"id":"ch_3","metadata":{}}}
                """))).isInstanceOf(BalanceTransactionMapper.Unmappable.class)
                .hasMessageContaining("payment_intent");
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(3, json("""
                {"id":"txn_3","amount":100,"currency":"usd","fee":0,"net":100,"type":"charge","created":1,
                 "source":"ch_3"}
                """))).hasMessageContaining("not expanded");
    }

    @Test
    void anUnknownTypeAndABadCurrencyAreUnmappable() {
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(4, json("""
                {"id":"txn_4","amount":100,"currency":"usd","fee":0,"net":100,"type":"payment","created":1,
                 "reporting_category":"charge",
                 "source":{"id":"py_4","payment_intent":"pi_4","metadata":{"payment_order_id":"po-4"}}}
                """))).isInstanceOf(BalanceTransactionMapper.Unmappable.class)
                .hasMessage("type 'payment' is neither charge, refund nor a dispute's adjustment");
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(5, json("""
                {"id":"txn_5","amount":100,"currency":"xx","fee":0,"net":100,"type":"charge","created":1,
                 "source":{"id":"ch_5","payment_intent":"pi_5","metadata":{"payment_order_id":"po-5"}}}
                """))).hasMessageContaining("currency 'XX'");
    }

    @Test
    void aDisputesWithdrawalBecomesARowWithTheDisputeItsIntentAndTheDisputeFee() {
        SettlementRow row = BalanceTransactionMapper.toRow(3, json("""
                {"id":"txn_dp","object":"balance_transaction","amount":-2999,"currency":"usd","fee":1500,"net":-4499,
                 "type":"adjustment","reporting_category":"dispute","created":1763600000,"status":"available",
                 "description":"Chargeback withdrawal for ch_1",
                 "fee_details":[{"amount":1500,"currency":"usd","description":"Dispute fee","type":"stripe_fee"}],
                 "source":{"id":"dp_1","object":"dispute","amount":2999,"charge":"ch_1","payment_intent":"pi_1",
                           "currency":"usd","reason":"fraudulent","status":"needs_response","metadata":{}}}
                """));

        assertThat(row).isEqualTo(new SettlementRow(3, "txn_dp", SettlementType.DISPUTE, "pi_1", null, null, "dp_1",
                -2999, 1500, -4499, "USD", Instant.ofEpochSecond(1763600000)));
    }

    @Test
    void aWonDisputesReversalBecomesARowWithThePositiveAmountAndAReturnedFeeIfAny() {
        SettlementRow kept = BalanceTransactionMapper.toRow(4, json("""
                {"id":"txn_dr","amount":2999,"currency":"usd","fee":0,"net":2999,"type":"adjustment",
                 "reporting_category":"dispute_reversal","created":1763700000,
                 "source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1","status":"won",
                           "metadata":{"payment_order_id":"po-1"}}}
                """));
        SettlementRow returned = BalanceTransactionMapper.toRow(5, json("""
                {"id":"txn_dr2","amount":500,"currency":"eur","fee":-1500,"net":2000,"type":"adjustment",
                 "reporting_category":"dispute_reversal","created":1763700000,
                 "source":{"id":"dp_2","object":"dispute","payment_intent":"pi_2","status":"won","metadata":{}}}
                """));

        assertThat(kept).isEqualTo(new SettlementRow(4, "txn_dr", SettlementType.DISPUTE_REVERSAL, "pi_1", "po-1",
                null, "dp_1", 2999, 0, 2999, "USD", Instant.ofEpochSecond(1763700000)));
        assertThat(returned.type()).isEqualTo(SettlementType.DISPUTE_REVERSAL);
        assertThat(returned.disputeId()).isEqualTo("dp_2");
        assertThat(returned.feeMinor()).as("the dispute fee returned").isEqualTo(-1500);
        assertThat(returned.netMinor()).isEqualTo(2000);
        assertThat(returned.currency()).isEqualTo("EUR");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            another adjustment        | adjustment of reporting category 'other_adjustment' is not a dispute's withdrawal or reversal | {"id":"txn_x","amount":-100,"currency":"usd","fee":0,"net":-100,"type":"adjustment","reporting_category":"other_adjustment","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            adjustment, no category   | adjustment of reporting category '' is not a dispute's withdrawal or reversal                 | {"id":"txn_x","amount":-100,"currency":"usd","fee":0,"net":-100,"type":"adjustment","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            category without type     | type 'dispute' is neither charge, refund nor a dispute's adjustment                          | {"id":"txn_x","amount":-100,"currency":"usd","fee":0,"net":-100,"type":"dispute","reporting_category":"dispute","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            source not expanded       | source is not expanded                                                                       | {"id":"txn_x","amount":-100,"currency":"usd","fee":1500,"net":-1600,"type":"adjustment","reporting_category":"dispute","created":1,"source":"dp_1"}
            source not a dispute      | dispute source is not a dispute                                                              | {"id":"txn_x","amount":-100,"currency":"usd","fee":1500,"net":-1600,"type":"adjustment","reporting_category":"dispute","created":1,"source":{"id":"ch_1","object":"charge","payment_intent":"pi_1"}}
            dispute without id        | dispute source has no id                                                                     | {"id":"txn_x","amount":-100,"currency":"usd","fee":1500,"net":-1600,"type":"adjustment","reporting_category":"dispute","created":1,"source":{"object":"dispute","payment_intent":"pi_1"}}
            dispute without intent    | dispute_reversal source has no payment_intent                                                | {"id":"txn_x","amount":100,"currency":"usd","fee":0,"net":100,"type":"adjustment","reporting_category":"dispute_reversal","created":1,"source":{"id":"dp_1","object":"dispute","charge":"ch_1","payment_intent":null}}
            withdrawal not negative   | amount 100 of a dispute withdrawal is not negative                                           | {"id":"txn_x","amount":100,"currency":"usd","fee":1500,"net":-1400,"type":"adjustment","reporting_category":"dispute","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            reversal not positive     | amount -100 of a dispute reversal is not positive                                            | {"id":"txn_x","amount":-100,"currency":"usd","fee":0,"net":-100,"type":"adjustment","reporting_category":"dispute_reversal","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            fee not in net            | net -100 is not amount - fee (-1600)                                                         | {"id":"txn_x","amount":-100,"currency":"usd","fee":1500,"net":-100,"type":"adjustment","reporting_category":"dispute","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            fee not an integer        | fee is not an integer                                                                        | {"id":"txn_x","amount":-100,"currency":"usd","fee":"15.00","net":-1600,"type":"adjustment","reporting_category":"dispute","created":1,"source":{"id":"dp_1","object":"dispute","payment_intent":"pi_1"}}
            """)
    void aDisputeRowWithoutWhatMatchingNeedsAndAnyOtherAdjustmentAreUnmappable(String fault, String reason, String txn) {
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(6, json(txn)))
                .isInstanceOf(BalanceTransactionMapper.Unmappable.class)
                .hasMessage(reason);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
