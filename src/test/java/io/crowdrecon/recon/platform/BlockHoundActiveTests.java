package io.crowdrecon.recon.platform;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed in every test JVM (blockhound-junit-platform): a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTests {

    @Test
    void failsABlockingCallOnANonBlockingThread() {
        Mono<Object> parksOnParallelThread = Mono.fromCallable(() -> {
                    LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
                    return new Object();
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(parksOnParallelThread)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(10));
    }
}
