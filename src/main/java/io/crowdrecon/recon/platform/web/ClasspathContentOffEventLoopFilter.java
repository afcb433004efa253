package io.crowdrecon.recon.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves everything outside the API and the actuator (the OpenAPI document, Swagger UI, the
 * dashboard's files) from a worker thread: it is read from the classpath, from a jar in
 * production, and springdoc builds the OpenAPI document on its first request by scanning class
 * files. That is file I/O, which must not run on an event loop. Low volume, so the hop costs nothing.
 */
public class ClasspathContentOffEventLoopFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).subscribeOn(Schedulers.boundedElastic());
    }
}
