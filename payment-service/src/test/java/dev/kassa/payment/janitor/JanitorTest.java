package dev.kassa.payment.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.execution.PaymentExecutor;
import dev.kassa.payment.execution.RefundExecutor;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PspCircuitOpenException;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspUnavailableException;
import dev.kassa.payment.refund.Refunds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A janitor pass while the PSP fails: it goes on past one order's failure, and stops once the breaker is open. */
class JanitorTest {

    private final PaymentOrders orders = mock(PaymentOrders.class);
    private final Refunds refunds = mock(Refunds.class);
    private final PspClient psp = mock(PspClient.class);
    private Janitor janitor;

    @BeforeEach
    void setUp() {
        PaymentProperties properties = new PaymentProperties(99_999_999, Map.of(), null,
                new PaymentProperties.Janitor(true, Duration.ofMinutes(2), Duration.ofSeconds(30), 100));
        janitor = new Janitor(orders, refunds, mock(Checkouts.class), psp, mock(PaymentExecutor.class),
                mock(RefundExecutor.class), properties, new SimpleMeterRegistry());
        when(orders.findExecutingLongerThan(anyDouble(), anyInt()))
                .thenReturn(List.of(stuck("po-1"), stuck("po-2"), stuck("po-3")));
        when(refunds.findUnresolvedLongerThan(anyDouble(), anyInt())).thenReturn(List.of());
    }

    @Test
    void aPspFailureOnOneOrderLeavesItForTheNextPassAndAsksAboutTheOthers() {
        when(psp.getPaymentIntent(anyString())).thenThrow(new PspUnavailableException("read timed out"));

        Janitor.Report report = janitor.runOnce();

        assertThat(report).isEqualTo(new Janitor.Report(3, 0));
        verify(psp, times(3)).getPaymentIntent(anyString());
        verify(refunds).findUnresolvedLongerThan(anyDouble(), anyInt());
    }

    @Test
    void anOpenCircuitBreakerEndsThePassAtTheFirstRefusal() {
        when(psp.getPaymentIntent(anyString())).thenThrow(new PspCircuitOpenException(null));

        Janitor.Report report = janitor.runOnce();

        assertThat(report).isEqualTo(new Janitor.Report(1, 0));
        verify(psp, times(1)).getPaymentIntent(anyString());
        verify(refunds, never()).findUnresolvedLongerThan(anyDouble(), anyInt());
    }

    private static PaymentOrder stuck(String id) {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        return new PaymentOrder(id, "chk-" + id, "seller-1", 1_000, "EUR", PaymentOrderStatus.EXECUTING, 1,
                "pi_" + id, null, null, 0, 0, false, false, longAgo, longAgo, longAgo, "m_demo", null);
    }
}
