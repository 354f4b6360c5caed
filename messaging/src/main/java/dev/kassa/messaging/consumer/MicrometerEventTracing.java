package dev.kassa.messaging.consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
        Span span = startSpan(p, event, name);
        Tracer.SpanInScope inScope = t.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    @Override
    public Trace start(InboundEvent event, String name) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        if (t == null || p == null) {
            return Trace.NONE;
        }
        return new StartedTrace(t, p, startSpan(p, event, name));
    }

    private static Span startSpan(Propagator propagator, InboundEvent event, String name) {
        return propagator.extract(event, MicrometerEventTracing::header).name(name).kind(Span.Kind.CONSUMER).start();
    }

    private static String header(InboundEvent event, String name) {
        Header header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record StartedTrace(Tracer tracer, Propagator propagator, Span span) implements Trace {

        @Override
        public Map<String, String> current() {
            Map<String, String> headers = new HashMap<>(4);
            propagator.inject(span.context(), headers, Map::put);
            return headers;
        }

        @Override
        public Scope enter() {
            Tracer.SpanInScope inScope = tracer.withSpan(span);
            return inScope::close;
        }

        @Override
        public void end() {
            span.end();
        }
    }
}
