package dev.kassa.payment.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class KeyWavesTest {

    @Test
    void eachWaveHoldsTheNextEventOfEveryKeyInReadOrder() {
        InboundEvent a1 = event("a", "e1");
        InboundEvent b1 = event("b", "e2");
        InboundEvent a2 = event("a", "e3");
        InboundEvent c1 = event("c", "e4");
        InboundEvent a3 = event("a", "e5");
        InboundEvent b2 = event("b", "e6");

        List<List<InboundEvent>> waves = KeyWaves.of(List.of(a1, b1, a2, c1, a3, b2));

        assertThat(waves).containsExactly(List.of(a1, b1, c1), List.of(a2, b2), List.of(a3));
    }

    @Test
    void aPollOfDistinctOrdersIsOneWave() {
        List<InboundEvent> poll = List.of(event("a", "e1"), event("b", "e2"), event("c", "e3"));

        assertThat(KeyWaves.of(poll)).containsExactly(poll);
    }

    @Test
    void recordsWithoutAKeyKeepNoOrderWithEachOther() {
        InboundEvent first = event(null, "e1");
        InboundEvent second = event(null, "e2");

        assertThat(KeyWaves.of(List.of(first, second))).containsExactly(List.of(first, second));
    }

    private static InboundEvent event(String key, String eventId) {
        PaymentOrderExecutionRequested record = PaymentOrderExecutionRequested.newBuilder().setEventId(eventId)
                .setOccurredAt(Instant.EPOCH).setPaymentOrderId(key == null ? "none" : key).setCheckoutId("chk")
                .setSellerAccount("s").setAmountMinor(100).setCurrency("USD").setAttempt(1)
                .setPaymentMethodToken("tok_visa").build();
        return new InboundEvent(key, eventId, record, "payment.psp-requests", 0, 0);
    }
}
