package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PeriodicallyTests {

    private static final Duration PERIOD = Duration.ofSeconds(5);

    @Test
    void runsOnEveryTickWhileRunsAreShort() {
        AtomicInteger runs = new AtomicInteger();

        StepVerifier.withVirtualTime(
                        () -> Periodically.run(Duration.ZERO, PERIOD, () -> Mono.fromCallable(runs::incrementAndGet)))
                .thenAwait(PERIOD.multipliedBy(9))
                .expectNextCount(10)
                .thenCancel()
                .verify();
    }

    @Test
    void skipsTheTicksOfARunThatOutlastsThePeriodAndGoesOn() {
        AtomicInteger runs = new AtomicInteger();

        // Each run takes two and a half periods: the ticks meanwhile are skipped, and the loop neither fails nor
        // ends (a plain interval + concatMap fails here with "Could not emit tick 1 due to lack of requests").
        StepVerifier.withVirtualTime(() -> Periodically.run(Duration.ZERO, PERIOD, () -> Mono.delay(
                                PERIOD.multipliedBy(5).dividedBy(2))
                        .map(x -> runs.incrementAndGet())))
                .thenAwait(PERIOD.multipliedBy(12))
                .expectNextCount(4)
                .thenCancel()
                .verify();
        assertThat(runs).hasValue(4);
    }
}
