package dev.kassa.messaging.consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;

/** {@link EventTracing} with Micrometer Tracing: the event's headers are read by the service's propagator. */
final class MicrometerEventTracing implements EventTracing {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    MicrometerEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Scope continueTrace(InboundEvent event, String name) {
        // Resolved per event: the tracer beans may come from an auto-configuration ordered after this one.
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        if (t == null || p == null) {
            return Scope.NONE;
        }
        Span span = p.extract(event, MicrometerEventTracing::header).name(name).kind(Span.Kind.CONSUMER).start();
        Tracer.SpanInScope inScope = t.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    private static String header(InboundEvent event, String name) {
        Header header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
