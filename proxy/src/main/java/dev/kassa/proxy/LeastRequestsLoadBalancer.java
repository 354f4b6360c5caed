package dev.kassa.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.SelectedInstanceCallback;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * Sends each request to the ready instance with the fewest requests in flight, instances with as few taking turns:
 * HAProxy's {@code leastconn}, Envoy's and nginx's least-request. Round robin, Spring Cloud LoadBalancer's default,
 * gives every ready instance an equal share, and an instance restarted a moment ago runs its code interpreted while
 * its JIT compiles: at 50 checkouts/s such a payment-service took half of them, the answers stretched to tens of
 * seconds and checkouts failed, while the warm instance beside it had time to spare (docs/architecture.md §12).
 * Counting what is in flight sends a slower instance fewer requests for as long as it is slower, and as many as any
 * other once it is not. The instances offered are the ready ones (the health-checked list, application.yml).
 */
final class LeastRequestsLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private final ObjectProvider<ServiceInstanceListSupplier> instances;
    private final RequestsInFlight inFlight;
    private final AtomicInteger turn = new AtomicInteger();

    LeastRequestsLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, RequestsInFlight inFlight) {
        this.instances = instances;
        this.inFlight = inFlight;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Mono<Response<ServiceInstance>> choose(Request request) {
        ServiceInstanceListSupplier supplier = instances.getIfAvailable(NoopServiceInstanceListSupplier::new);
        return supplier.get(request).next().map(ready -> {
            if (ready.isEmpty()) {
                return new EmptyResponse();
            }
            ServiceInstance chosen = leastBusy(ready);
            if (supplier instanceof SelectedInstanceCallback callback) {
                callback.selectedServiceInstance(chosen);
            }
            return new DefaultResponse(chosen);
        });
    }

    /** One of the instances with the fewest requests in flight, each of them in turn. */
    ServiceInstance leastBusy(List<ServiceInstance> ready) {
        List<ServiceInstance> leastBusy = new ArrayList<>(ready.size());
        int fewest = Integer.MAX_VALUE;
        for (ServiceInstance candidate : ready) {
            int count = inFlight.of(candidate);
            if (count < fewest) {
                leastBusy.clear();
                fewest = count;
            }
            if (count == fewest) {
                leastBusy.add(candidate);
            }
        }
        return leastBusy.get(Math.floorMod(turn.getAndIncrement(), leastBusy.size()));
    }
}
