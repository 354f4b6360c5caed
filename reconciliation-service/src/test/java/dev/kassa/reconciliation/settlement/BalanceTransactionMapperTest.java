package dev.kassa.reconciliation.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
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

        assertThat(row).isEqualTo(new SettlementRow(1, "txn_1", SettlementType.CHARGE, "pi_1", "po-1", null,
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
                {"id":"txn_4","amount":100,"currency":"usd","fee":0,"net":100,"type":"adjustment","created":1,
                 "source":{"id":"ch_4","payment_intent":"pi_4","metadata":{"payment_order_id":"po-4"}}}
                """))).hasMessageContaining("adjustment");
        assertThatThrownBy(() -> BalanceTransactionMapper.toRow(5, json("""
                {"id":"txn_5","amount":100,"currency":"xx","fee":0,"net":100,"type":"charge","created":1,
                 "source":{"id":"ch_5","payment_intent":"pi_5","metadata":{"payment_order_id":"po-5"}}}
                """))).hasMessageContaining("currency 'XX'");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
