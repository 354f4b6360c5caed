package dev.kassa.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.testfixtures.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account aggregate as Spring Data JDBC reads it: the account row with the totals the trigger keeps. */
class AccountsTest extends LedgerIntegrationTest {

    @Autowired
    Accounts accounts;

    @Test
    void anAccountIsReadWithItsTotalsInEveryCurrency() {
        String seller = TestEvents.id("seller");
        String usdOrder = TestEvents.id("po");
        ledger().payment(usdOrder, seller, 2999, "USD");
        ledger().payment(TestEvents.id("po"), seller, 1500, "JPY");
        ledger().refund(usdOrder, TestEvents.id("rf"), seller, 1000, "USD");

        Account account = accounts.findById(AccountId.sellerPayable(seller).value()).orElseThrow();

        assertThat(account.id()).isEqualTo("seller_payable:" + seller);
        assertThat(account.type()).isEqualTo(AccountType.LIABILITY);
        assertThat(account.balancesByCurrency()).containsExactly(
                new CurrencyBalance("JPY", 0, 1500),
                new CurrencyBalance("USD", 1000, 2999));
    }

    @Test
    void theReceivableIsAnAssetAndAnAccountNeverPostedToIsAbsent() {
        ledger().payment(TestEvents.id("po"), TestEvents.id("seller"), 100, "EUR");

        assertThat(accounts.findById(AccountId.PSP_RECEIVABLE.value())).hasValueSatisfying(account -> {
            assertThat(account.type()).isEqualTo(AccountType.ASSET);
            assertThat(account.balances()).extracting(CurrencyBalance::currency).contains("EUR");
        });
        assertThat(accounts.findById(AccountId.sellerPayable(TestEvents.id("nobody")).value())).isEmpty();
    }
}
