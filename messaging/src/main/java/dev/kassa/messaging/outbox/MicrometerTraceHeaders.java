package dev.kassa.messaging.outbox;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link TraceHeaders} from Micrometer Tracing: the current span's context, written by the service's propagator. */
final class MicrometerTraceHeaders implements TraceHeaders {

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerTraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers;
    }
}
