package dev.kassa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Money, the retry policy's waits, the builder's checks and the problem kinds, without a server. */
@Tag("fast")
class ModelTest {

    @Test
    void moneyIsAPlainDecimalBesideItsCurrency() {
        assertThat(Money.of(new BigDecimal("1E+3"), "JPY")).isEqualTo(Money.of("1000", "JPY"));
        assertThat(Money.of(new BigDecimal("29.90"), "USD").amount()).isEqualTo("29.90");
        assertThat(Money.of("29.99", "USD").toBigDecimal()).isEqualByComparingTo(new BigDecimal("29.99"));
        assertThat(Money.of("29.99", "USD")).hasToString("29.99 USD");
        for (String bad : new String[] {"1e3", "29,99", "NaN", " 1.00", "1.", ".5", ""}) {
            assertThatThrownBy(() -> Money.of(bad, "USD")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new RefundRequest("rf_1", "5.0.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitsGrowByTheMultiplierUpToTheLongest() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), 0);

        assertThat(policy.delayAfter(1, null, 0.99)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, null, 0.99)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.delayAfter(3, null, 0.99)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.delayAfter(4, null, 0.99)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(1, Duration.ofMillis(500), 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, Duration.ofMinutes(5), 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1000), 2.0, Duration.ofSeconds(10), 0.2);

        assertThat(policy.delayAfter(1, null, 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.delayAfter(1, null, 0.5)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.delayAfter(1, null, 0.999_999)).isGreaterThan(Duration.ofMillis(800));
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void aPolicyOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), 1, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 1, Duration.ZERO, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderNeedsAnHttpUrlAndAKey() {
        assertThatThrownBy(() -> KassaClient.builder().apiKey("sk_test_x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> KassaClient.builder().baseUrl("http://127.0.0.1:8080").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> KassaClient.builder().baseUrl("ftp://127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KassaClient.builder().baseUrl("http://127.0.0.1:8080/?x=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KassaClient.builder().apiKey("sk_test_x\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("sk_test_x");
        assertThatThrownBy(() -> KassaClient.builder().apiKey(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KassaClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemKindsComeFromTheTypeThenTheStatus() {
        assertThat(ProblemKind.of("https://kassa.dev/problems/refund-exceeds-refundable", 422))
                .isEqualTo(ProblemKind.REFUND_EXCEEDS_REFUNDABLE);
        assertThat(ProblemKind.of("https://kassa.dev/problems/temporarily-unavailable", 503))
                .isEqualTo(ProblemKind.TEMPORARILY_UNAVAILABLE);
        assertThat(ProblemKind.of("about:blank", 404)).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(ProblemKind.of(null, 502)).isEqualTo(ProblemKind.OTHER);
        assertThat(ProblemKind.of("https://example.com/problems/conflict", 418)).isEqualTo(ProblemKind.OTHER);
    }

    @Test
    void unknownStatusesReadAsUnknownAndNullStaysNull() {
        assertThat(PaymentOrderStatus.of("CHARGED_BACK")).isEqualTo(PaymentOrderStatus.CHARGED_BACK);
        assertThat(PaymentOrderStatus.of("ON_HOLD")).isEqualTo(PaymentOrderStatus.UNKNOWN);
        assertThat(PaymentOrderStatus.of("UNKNOWN")).isEqualTo(PaymentOrderStatus.UNKNOWN);
        assertThat(DisputeStatus.of(null)).isNull();
        assertThat(PaymentOrderStatus.DISPUTED.isResolved()).isTrue();
        assertThat(PaymentOrderStatus.EXECUTING.isResolved()).isFalse();
    }
}
