package dev.kassa.proxy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;

/**
 * The configuration of each service's own load-balancer context (Spring Cloud LoadBalancer's documented way to
 * replace its algorithm). Not a {@code @Configuration}: component scanning must leave it to those contexts, where
 * the instance list is the service's own.
 */
class LeastRequestsPerService {

    @Bean
    ReactorLoadBalancer<ServiceInstance> leastRequestsLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances,
                                                                  RequestsInFlight inFlight) {
        return new LeastRequestsLoadBalancer(instances, inFlight);
    }
}
