package dev.kassa.messaging.outbox;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/** {@link TraceHeaders} from Micrometer Tracing: the current span's context, written by the service's propagator. */
final class MicrometerTraceHeaders implements TraceHeaders {

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;
    private volatile Tracer tracer;
    private volatile Propagator propagator;

    MicrometerTraceHeaders(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    @Override
    public Map<String, String> current() {
        // Resolved at the first publish, not at construction: the tracer beans may come from an auto-configuration
        // ordered after this one. Kept once found, so that a publish costs no bean lookup.
        if (tracer == null || propagator == null) {
            propagator = propagators.getIfUnique();
            tracer = tracers.getIfUnique();
            if (tracer == null || propagator == null) {
                return Map.of();
            }
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(context, headers, Map::put);
        return headers;
    }
}
