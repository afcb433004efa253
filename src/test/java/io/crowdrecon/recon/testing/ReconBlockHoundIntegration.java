package io.crowdrecon.recon.testing;

import io.netty.handler.codec.compression.Zstd;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound must let through in this service's tests: brief, bounded locks inside libraries,
 * not I/O.
 * <ul>
 *   <li>Jackson guards the construction of a deserializer (once per type, the first time two
 *       requests need it at the same moment) with a ReentrantLock.
 *   <li>Netty 4.2's adaptive buffer allocator takes a magazine's StampedLock to free it when it
 *       grows its magazines under contention; Netty's own BlockHound rules do not cover it yet.
 *       Reported as blocking, it failed the event loop's read of whatever connection it was on (an
 *       R2DBC connection, an HTTP request), at random, in full test runs.
 *   <li>Resilience4j records a circuit breaker's outcomes under a ReentrantLock, takes one to
 *       half-open it, and a rate limiter backs off a lost compare-and-set with a 1 ns park.
 * </ul>
 * And one thing it must not see: Netty asks whether zstd is available for every HTTP response it
 * decodes, and the first time loads the native library from its jar, on an event loop. That is
 * done here, once, on the thread that installs BlockHound.
 */
public class ReconBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        Zstd.isAvailable();
        builder.blockingMethodCallback(method -> {
            BlockingCallReports.record(method);
            throw new BlockingOperationError(method);
        });
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free");
        for (String window : new String[] {"FixedSizeSlidingWindowMetrics", "SlidingTimeWindowMetrics"}) {
            builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics." + window, "record");
            builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics." + window, "getSnapshot");
        }
        builder.allowBlockingCallsInside(
                "io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine$OpenState",
                "toHalfOpenState");
        builder.allowBlockingCallsInside(
                "io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter", "compareAndSet");
    }
}
