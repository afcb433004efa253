package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The brief locks inside libraries that run on event loops are not reported as blocking (see
 * ReconBlockHoundIntegration). Without its allowances each of these tests fails: in the service
 * such a report failed whatever the event loop was doing at that moment, at random, in full runs.
 */
class LibraryLocksUnderBlockHoundTests {

    private static final int THREADS = 16;

    @Test
    void nettyAllocatorFreeingAMagazineUnderContentionIsNotReportedAsBlocking() throws InterruptedException {
        AdaptiveByteBufAllocator allocator = new AdaptiveByteBufAllocator();
        assertThat(contend(i -> {
                    ByteBuf buffer = allocator.directBuffer(512 + (i * 61) % 4096);
                    buffer.release();
                }))
                .isEmpty();
    }

    @Test
    void circuitBreakerRecordingOutcomesUnderContentionIsNotReportedAsBlocking() throws InterruptedException {
        CircuitBreaker breaker = CircuitBreaker.of(
                "contended",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(100)
                        .slidingWindowSize(100)
                        .build());
        assertThat(contend(i -> {
                    if (i % 2 == 0) {
                        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
                    } else {
                        breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("refused"));
                    }
                }))
                .isEmpty();
    }

    @Test
    void rateLimiterGrantingPermissionsUnderContentionIsNotReportedAsBlocking() throws InterruptedException {
        RateLimiter limiter = RateLimiter.of(
                "contended",
                RateLimiterConfig.custom()
                        .limitForPeriod(1_000)
                        .limitRefreshPeriod(Duration.ofMillis(1))
                        .timeoutDuration(Duration.ZERO)
                        .build());
        assertThat(contend(i -> limiter.acquirePermission())).isEmpty();
    }

    /** Runs {@code work} in a loop on {@value THREADS} non-blocking threads for a second; the blocking reports. */
    private static List<Throwable> contend(IntConsumer work) throws InterruptedException {
        Scheduler nonBlocking = Schedulers.newParallel("lock-contention", THREADS);
        List<Throwable> reports = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(THREADS);
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                int seed = thread;
                nonBlocking.schedule(() -> {
                    try {
                        for (int i = seed; System.nanoTime() < until; i++) {
                            work.accept(i);
                        }
                    } catch (BlockingOperationError e) {
                        reports.add(e);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            nonBlocking.dispose();
        }
        return reports;
    }
}
