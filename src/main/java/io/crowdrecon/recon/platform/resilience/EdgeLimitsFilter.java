package io.crowdrecon.recon.platform.resilience;

import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.CallerArgumentResolver;
import io.crowdrecon.recon.platform.web.Problems;
import io.crowdrecon.recon.shared.ErrorCode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Per API key, at most {@code requestsPerSecond} requests (then 429 with {@code Retry-After});
 * for everyone, at most {@code concurrentWrites} writes in progress (then 503 with
 * {@code Retry-After}), so that a burst of writes cannot exhaust the connection pool that the
 * consumers need too. Runs after authentication, which tells whose key it is.
 */
public class EdgeLimitsFilter implements WebFilter, Ordered {

    private final RateLimiterRegistry limiters;
    private final boolean limitRate;
    private final Bulkhead writes;
    private final ObjectMapper json;

    public EdgeLimitsFilter(ResilienceProperties properties, ObjectMapper json) {
        this.json = json;
        this.limitRate = properties.requestsPerSecond() > 0;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, properties.requestsPerSecond()))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.writes = Bulkhead.of(
                "writes",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.concurrentWrites())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }

    @Override
    public int getOrder() {
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/v1/")) {
            return chain.filter(exchange);
        }
        Caller caller = exchange.getAttribute(CallerArgumentResolver.ATTRIBUTE);
        if (limitRate && caller != null) {
            RateLimiter limiter = limiters.rateLimiter(HexFormat.of().formatHex(caller.keyHash()));
            if (!limiter.acquirePermission()) {
                exchange.getResponse().getHeaders().set("Retry-After", "1");
                return Problems.write(
                        exchange,
                        json,
                        ErrorCode.RATE_LIMITED,
                        "More than " + limiter.getRateLimiterConfig().getLimitForPeriod()
                                + " requests per second with this key; retry after 1 s",
                        List.of());
            }
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        if (!write) {
            return chain.filter(exchange);
        }
        if (!writes.tryAcquirePermission()) {
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return Problems.write(
                    exchange,
                    json,
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many writes in progress; retry after 1 s",
                    List.of());
        }
        // Freed as the answer is committed, before the client can read it: a client that sends its next write
        // on the answer to the last must find the slot free. The finally covers a write that never answers.
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable free = () -> {
            if (held.compareAndSet(true, false)) {
                writes.onComplete();
            }
        };
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(free));
        return chain.filter(exchange).doFinally(signal -> free.run());
    }
}
