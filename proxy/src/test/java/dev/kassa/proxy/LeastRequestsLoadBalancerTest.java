package dev.kassa.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/** The instance with the fewest requests in flight is chosen; instances with as few take turns. */
class LeastRequestsLoadBalancerTest {

    private static final ServiceInstance A = instance(1);
    private static final ServiceInstance B = instance(2);
    private static final ServiceInstance C = instance(3);

    private final RequestsInFlight inFlight = new RequestsInFlight();
    private final LeastRequestsLoadBalancer balancer = new LeastRequestsLoadBalancer(
            new StaticListableBeanFactory().getBeanProvider(ServiceInstanceListSupplier.class), inFlight);

    @Test
    void theInstanceWithTheFewestRequestsInFlightIsChosen() {
        started(A, 3);
        started(B, 1);
        started(C, 2);

        for (int i = 0; i < 5; i++) {
            assertThat(balancer.leastBusy(List.of(A, B, C))).isEqualTo(B);
        }
    }

    @Test
    void instancesWithAsFewTakeTurns() {
        started(A, 1);
        List<ServiceInstance> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(balancer.leastBusy(List.of(A, B, C)));
        }

        assertThat(chosen).containsOnly(B, C).filteredOn(B::equals).hasSize(3);
    }

    @Test
    void anAnsweredOrFailedRequestIsNoLongerInFlightAndADiscardedOneWasNeverCounted() {
        Response<ServiceInstance> toA = new DefaultResponse(A);
        Request<Object> request = new DefaultRequest<>();
        inFlight.onStartRequest(request, toA);
        inFlight.onStartRequest(request, toA);
        inFlight.onStartRequest(request, toA);

        inFlight.onComplete(new CompletionContext<>(CompletionContext.Status.SUCCESS, request, toA, new Object()));
        inFlight.onComplete(new CompletionContext<>(CompletionContext.Status.FAILED, new IllegalStateException(), request, toA));
        inFlight.onComplete(new CompletionContext<>(CompletionContext.Status.DISCARD, request));
        assertThat(inFlight.of(A)).isEqualTo(1);

        inFlight.onComplete(new CompletionContext<>(CompletionContext.Status.SUCCESS, request, toA, new Object()));
        inFlight.onComplete(new CompletionContext<>(CompletionContext.Status.SUCCESS, request, toA, new Object()));
        assertThat(inFlight.of(A)).isZero();
        assertThat(inFlight.of(B)).isZero();
    }

    private void started(ServiceInstance instance, int requests) {
        for (int i = 0; i < requests; i++) {
            inFlight.onStartRequest(new DefaultRequest<>(), new DefaultResponse(instance));
        }
    }

    private static ServiceInstance instance(int n) {
        return new DefaultServiceInstance("orders-" + n, "orders", "127.0.0.1", 18000 + n, false);
    }
}
