package dev.kassa.payment.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.support.TestCheckouts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The velocity rules on the real database, with rules of the test's own ({@link PaymentServiceTestBase} turns the
 * token and buyer rules off for the other tests, which share test tokens and a buyer): declines counted per card
 * token and per buyer, blocking at the threshold, a window that starts afresh once it has passed, a block that
 * expires, and amount limits per merchant over the general one. Orders are inserted as a checkout would insert them,
 * with no execution request, so the executor never sees them.
 */
class RiskRulesTest extends PaymentServiceTestBase {

    private static final RiskProperties.Rule OFF = new RiskProperties.Rule(0, Duration.ofHours(1), Duration.ofHours(1));

    @Autowired
    private RiskBlocks blocks;
    @Autowired
    private Checkouts checkouts;

    @Test
    void aTokenIsBlockedAtItsRulesThresholdOfDeclinesWhateverTheBuyerAndTheBlockExpires() {
        RiskCheck check = check(new RiskProperties.Rule(3, Duration.ofHours(1), Duration.ofSeconds(2)), OFF);
        String token = "tok_" + id("rules");
        check.declined(List.of(order(token, id("u")), order(token, id("u"))));
        String next = order(token, id("u"));
        assertThat(screen(check, next)).as("two declines of three").isEmpty();

        check.declined(List.of(order(token, id("u"))));

        assertThat(screen(check, next)).singleElement().satisfies(stop -> {
            assertThat(stop.rule()).isEqualTo("velocity_token");
            assertThat(stop.message()).contains("3 declined charges within 3600 s");
        });
        assertThat(screen(check, order("tok_" + id("other"), id("u")))).as("another token").isEmpty();
        // Blocked for 2 s.
        eventually().until(() -> screen(check, next).isEmpty());
    }

    @Test
    void aBuyerIsBlockedAcrossTokensButTheSameIdAtAnotherMerchantIsAnotherBuyer() {
        RiskCheck check = check(OFF, new RiskProperties.Rule(2, Duration.ofHours(1), Duration.ofHours(1)));
        String buyer = id("u");
        check.declined(List.of(order("tok_" + id("a"), buyer), order("tok_" + id("b"), buyer)));

        assertThat(screen(check, order("tok_" + id("c"), buyer))).singleElement()
                .satisfies(stop -> assertThat(stop.rule()).isEqualTo("velocity_buyer"));
        assertThat(screen(check, order("m_rules_other", "tok_" + id("d"), buyer))).isEmpty();
    }

    @Test
    void aDeclineAfterTheWindowHasPassedStartsTheCountAgain() {
        RiskCheck check = check(new RiskProperties.Rule(2, Duration.ofMinutes(10), Duration.ofHours(1)), OFF);
        String token = "tok_" + id("window");
        check.declined(List.of(order(token, id("u"))));
        // The window began eleven minutes ago.
        jdbc.sql("UPDATE risk_failure_window SET window_started_at = now() - interval '11 minutes' WHERE subject = ?")
                .param(token).update();

        check.declined(List.of(order(token, id("u"))));

        assertThat(screen(check, order(token, id("u")))).isEmpty();
        assertThat(jdbc.sql("SELECT failures FROM risk_failure_window WHERE kind = 'TOKEN' AND subject = ?")
                .param(token).query(Integer.class).single()).isEqualTo(1);
        check.declined(List.of(order(token, id("u"))));
        assertThat(screen(check, order(token, id("u")))).singleElement()
                .satisfies(stop -> assertThat(stop.rule()).isEqualTo("velocity_token"));
    }

    @Test
    void aMerchantsOwnAmountLimitReplacesTheGeneralOneForItsCurrency() {
        RiskCheck check = new RiskCheck(blocks, new RiskProperties(new RiskProperties.Velocity(OFF, OFF, OFF),
                new RiskProperties.AmountLimits(Map.of("USD", 50_000L), Map.of("m_rules_big", Map.of("USD", 200_000L)))),
                new SimpleMeterRegistry());

        assertThat(screen(check, order("m_rules", "tok_visa", id("u"), 50_001))).singleElement()
                .satisfies(stop -> assertThat(stop.rule()).isEqualTo("amount_limit"));
        assertThat(screen(check, order("m_rules", "tok_visa", id("u"), 50_000))).isEmpty();
        assertThat(screen(check, order("m_rules_big", "tok_visa", id("u"), 200_000))).isEmpty();
        assertThat(screen(check, order("m_rules_big", "tok_visa", id("u"), 200_001))).hasSize(1);
    }

    private RiskCheck check(RiskProperties.Rule token, RiskProperties.Rule buyer) {
        return new RiskCheck(blocks, new RiskProperties(new RiskProperties.Velocity(token, buyer, OFF),
                new RiskProperties.AmountLimits(Map.of(), Map.of())), new SimpleMeterRegistry());
    }

    private static List<RiskCheck.Stop> screen(RiskCheck check, String orderId) {
        return check.screen(List.of(orderId), List.of(1));
    }

    private String order(String token, String buyer) {
        return order("m_rules", token, buyer);
    }

    private String order(String merchantId, String token, String buyer) {
        return order(merchantId, token, buyer, 1_000);
    }

    /** A NOT_STARTED order of one new checkout, as the checkout API inserts it. */
    private String order(String merchantId, String token, String buyer, long amountMinor) {
        String checkoutId = id("chk");
        String orderId = id("po");
        TestCheckouts.insert(checkouts, checkoutId, merchantId, buyer, token,
                new NewPaymentOrder(orderId, "seller_1", amountMinor, "USD"));
        return orderId;
    }
}
