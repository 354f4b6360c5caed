package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.InboundEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a poll into waves that keep the order of each key: wave n holds the n-th event of every key (the
 * payment order id), in read order. Events of one wave have distinct keys, so they may run concurrently; a
 * wave starts only once the one before it is applied. A poll usually holds one event per order: one wave.
 */
final class KeyWaves {

    private KeyWaves() {
    }

    static List<List<InboundEvent>> of(List<InboundEvent> events) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<InboundEvent>> waves = new ArrayList<>();
        for (InboundEvent event : events) {
            // A record without a key has no order to keep with any other.
            String key = event.key() != null ? event.key() : "\u0000" + event.eventId();
            int wave = seen.merge(key, 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(event);
        }
        return waves;
    }
}
