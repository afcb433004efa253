package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Netty 4.2's default allocator, under contention on non-blocking threads, is not reported as
 * blocking (see ReconBlockHoundIntegration). Without the allowance every run of this test saw
 * BlockingOperationErrors from the allocator freeing a magazine; in the service such an error
 * failed an event loop's read of a random connection.
 */
class NettyAllocatorUnderBlockHoundTests {

    private static final int THREADS = 16;

    @Test
    void contendedAllocationOnNonBlockingThreadsIsNotReportedAsBlocking() throws InterruptedException {
        AdaptiveByteBufAllocator allocator = new AdaptiveByteBufAllocator();
        Scheduler nonBlocking = Schedulers.newParallel("allocator-contention", THREADS);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(THREADS);
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                int seed = thread;
                nonBlocking.schedule(() -> {
                    try {
                        for (int i = seed; System.nanoTime() < until; i++) {
                            ByteBuf buffer = allocator.directBuffer(512 + (i * 61) % 4096);
                            buffer.release();
                        }
                    } catch (BlockingOperationError e) {
                        errors.add(e);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            nonBlocking.dispose();
        }

        assertThat(errors).isEmpty();
    }
}
