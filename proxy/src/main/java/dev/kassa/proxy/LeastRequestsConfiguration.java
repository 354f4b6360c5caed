package dev.kassa.proxy;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every service's load balancer is a {@link LeastRequestsLoadBalancer} instead of Spring Cloud's round robin. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = LeastRequestsPerService.class)
class LeastRequestsConfiguration {
}
