package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.BlockingCallReports;
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
    void failsABlockingCallOnANonBlockingThreadAndKeepsTheReport() {
        int reportsBefore = BlockingCallReports.count();
        Mono<Object> parksOnParallelThread = Mono.fromCallable(() -> {
                    LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
                    return new Object();
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(parksOnParallelThread)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(10));
        // Kept, so that NoBlockingCallsExtension fails the test even where a library swallowed the error.
        assertThat(BlockingCallReports.since(reportsBefore))
                .singleElement()
                .asString()
                .contains("Unsafe.park")
                .contains("parallel-");
    }
}
