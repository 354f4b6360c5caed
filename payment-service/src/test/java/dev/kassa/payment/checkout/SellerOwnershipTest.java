package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import org.junit.jupiter.api.Test;

/**
 * A seller belongs to the first merchant whose checkout names it; another merchant's checkout naming it is refused
 * and writes nothing, because wallet and ledger show a seller's balances to its merchant.
 */
class SellerOwnershipTest extends PaymentServiceTestBase {

    @Test
    void aSellerOfAnotherMerchantIsRefusedAndNothingIsWritten() {
        TestMerchant owner = newMerchant();
        TestMerchant other = newMerchant();
        String seller = id("seller");
        assertThat(post(owner, id("chk"), id("seller"), seller).status()).isEqualTo(202);

        String refusedCheckout = id("chk");
        HttpApi.Response refused = post(other, refusedCheckout, id("seller"), seller);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("payment_orders[1].seller_account");
        assertThat(refused.json().path("errors").get(0).path("reason").asString())
                .isEqualTo("belongs to another merchant");
        assertThat(count("SELECT count(*) FROM checkout WHERE checkout_id = ?", refusedCheckout)).isZero();
        assertThat(count("SELECT count(*) FROM payment_order WHERE checkout_id = ?", refusedCheckout)).isZero();
        assertThat(jdbc.sql("SELECT merchant_id FROM seller WHERE seller_account = ?").param(seller)
                .query(String.class).single()).isEqualTo(owner.merchantId());
        // The first seller of the refused checkout was not claimed either: the whole checkout rolled back.
        assertThat(count("SELECT count(*) FROM seller WHERE merchant_id = ?", other.merchantId())).isZero();

        // The owner goes on using it (now from this instance's memory), the other with sellers of its own.
        assertThat(post(owner, id("chk"), seller, id("seller")).status()).isEqualTo(202);
        assertThat(post(other, id("chk"), id("seller"), id("seller")).status()).isEqualTo(202);
        assertThat(post(other, id("chk"), seller, id("seller")).status()).as("still another's").isEqualTo(409);
    }

    private static HttpApi.Response post(TestMerchant merchant, String checkoutId, String firstSeller,
                                         String secondSeller) {
        return merchant.api().postJson("/api/v1/payments", """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "%s", "amount": "1.00", "currency": "EUR"},
                   {"payment_order_id": "%s", "seller_account": "%s", "amount": "2.00", "currency": "EUR"}]}
                """.formatted(checkoutId, id("po"), firstSeller, id("po"), secondSeller));
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single();
    }
}
