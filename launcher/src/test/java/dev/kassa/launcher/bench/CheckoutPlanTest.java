package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.demo.CheckoutRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CheckoutPlanTest {

    @Test
    void everyIdStartsWithTheRunIdAndNamesItsCheckout() {
        CheckoutPlan plan = plan("--orders", "3", "--sellers", "5");

        CheckoutRequest checkout = plan.checkout(42);

        assertThat(checkout.checkoutId()).isEqualTo("bench1-c42");
        assertThat(checkout.token()).isEqualTo("tok_visa");
        assertThat(checkout.orders()).extracting(CheckoutRequest.Order::paymentOrderId)
                .containsExactly("bench1-c42-1", "bench1-c42-2", "bench1-c42-3");
        assertThat(checkout.orders()).allSatisfy(order -> {
            assertThat(order.seller()).matches("bench1_s[0-4]");
            assertThat(order.amount()).matches("\\d{1,2}\\.\\d{2}");
            assertThat(order.currency()).isIn("USD", "EUR");
        });
        assertThat(plan.checkoutNumber("bench1-c42")).isEqualTo(42);
        assertThat(plan.checkoutNumber("bench1-c42-3")).isEqualTo(42);
        assertThat(plan.checkout(42)).isEqualTo(checkout); // the same run sends the same checkout
    }

    @Test
    void theHotSellerGetsItsShareAndTheOthersTheRest() {
        CheckoutPlan plan = plan("--sellers", "10", "--hot-seller", "0.5");

        List<String> sellers = LongStream.range(0, 4000).mapToObj(n -> plan.checkout(n).order().seller()).toList();

        assertThat(sellers.stream().filter("bench1_s0"::equals).count()).isBetween(1800L, 2200L);
        assertThat(sellers).contains("bench1_s1", "bench1_s9");
    }

    private static CheckoutPlan plan(String... args) {
        return new CheckoutPlan("bench1", BenchOptions.parse(List.of(args), Path.of("/tmp")));
    }
}
