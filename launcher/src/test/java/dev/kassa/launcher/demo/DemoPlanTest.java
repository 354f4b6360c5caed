package dev.kassa.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DemoPlanTest {

    @Test
    void halvesAnAmountInTheCurrencysOwnMinorUnits() {
        assertThat(DemoPlan.half("29.99", "USD")).isEqualTo("14.99");
        assertThat(DemoPlan.half("1200", "JPY")).isEqualTo("600");
        assertThat(DemoPlan.half("1.001", "KWD")).isEqualTo("0.500");
    }

    @Test
    void planMixesSellersCurrenciesAndOutcomesWithUniqueIds() {
        List<CheckoutRequest> plan = DemoPlan.plan("run1");

        assertThat(plan).hasSize(21);
        assertThat(plan).extracting(CheckoutRequest::token)
                .contains("tok_visa", "tok_chargeDeclined", "tok_async", "tok_asyncDeclined");
        assertThat(plan.getLast().token()).as("the last payment is the one its cardholder disputes")
                .isEqualTo("tok_createDispute");
        assertThat(plan.stream().flatMap(c -> c.orders().stream()).map(CheckoutRequest.Order::currency).distinct())
                .containsExactlyInAnyOrder("USD", "EUR", "JPY");
        assertThat(plan.stream().flatMap(c -> c.orders().stream()).map(CheckoutRequest.Order::paymentOrderId))
                .doesNotHaveDuplicates();
        Map<String, Object> body = plan.getFirst().body();
        assertThat(body).containsKeys("checkout_id", "buyer_info", "credit_card_info", "payment_orders");
    }
}
