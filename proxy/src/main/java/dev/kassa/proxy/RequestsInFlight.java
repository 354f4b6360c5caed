package dev.kassa.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.stereotype.Component;

/**
 * How many requests the proxy has sent to each instance and not yet had answered, kept from the callbacks Spring
 * Cloud LoadBalancer makes around every proxied request (the gateway's {@code lb()} filter calls every
 * {@link LoadBalancerLifecycle} bean: one attempt, one start and one completion). Read by
 * {@link LeastRequestsLoadBalancer}.
 */
@Component
class RequestsInFlight implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private final ConcurrentMap<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();

    int of(ServiceInstance instance) {
        AtomicInteger count = byInstance.get(key(instance));
        return count == null ? 0 : count.get();
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {
        if (lbResponse != null && lbResponse.hasServer()) {
            byInstance.computeIfAbsent(key(lbResponse.getServer()), key -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Answered, failed or (no instance was chosen, so nothing was counted) discarded. */
    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> lbResponse = completion.getLoadBalancerResponse();
        if (completion.status() != CompletionContext.Status.DISCARD && lbResponse != null && lbResponse.hasServer()) {
            AtomicInteger count = byInstance.get(key(lbResponse.getServer()));
            if (count != null) {
                count.updateAndGet(n -> Math.max(0, n - 1));
            }
        }
    }

    private static String key(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }
}
