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

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;
    private volatile Tracer tracer;
    private volatile Propagator propagator;

    MicrometerEventTracing(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /**
     * Resolved at the first event, not at construction: the tracer beans may come from an auto-configuration
     * ordered after this one. Kept once found, so that an event costs no bean lookup.
     */
    private boolean resolved() {
        if (tracer == null || propagator == null) {
            propagator = propagators.getIfUnique();
            tracer = tracers.getIfUnique();
        }
        return tracer != null && propagator != null;
    }

    @Override
    public Scope continueTrace(InboundEvent event, String name) {
        if (!resolved()) {
            return Scope.NONE;
        }
        Tracer t = tracer;
        Span span = startSpan(propagator, event, name);
        Tracer.SpanInScope inScope = t.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    @Override
    public Scope continueTraceUnlessObserved(InboundEvent event, String name) {
        if (!resolved()) {
            return Scope.NONE;
        }
        return tracer.currentSpan() != null ? Scope.NONE : continueTrace(event, name);
    }

    @Override
    public Trace start(InboundEvent event, String name) {
        if (!resolved()) {
            return Trace.NONE;
        }
        return new StartedTrace(tracer, propagator, startSpan(propagator, event, name));
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
