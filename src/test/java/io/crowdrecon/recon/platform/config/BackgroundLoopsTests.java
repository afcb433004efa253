package io.crowdrecon.recon.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.BackgroundLoop.Stage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class BackgroundLoopsTests {

    private final List<String> log = new CopyOnWriteArrayList<>();

    /** A loop that runs until cancelled, writing down its start and its stop. */
    private BackgroundLoop loop(String name, Stage stage) {
        return new BackgroundLoop(
                name,
                stage,
                () -> Flux.never().doOnSubscribe(s -> log.add("start " + name)),
                (ended, cancel) -> Mono.fromRunnable(() -> log.add("stop " + name)));
    }

    @Test
    void stopsTheLiveStreamsFirstThenTheConsumersThenTheRelayThenTheJobs() {
        BackgroundLoops loops = new BackgroundLoops(List.of(
                () -> List.of(loop("expiry", Stage.JOBS), loop("consumer", Stage.CONSUMERS)),
                () -> List.of(loop("relay", Stage.RELAY), loop("streams", Stage.STREAMS))));

        loops.start();
        assertThat(loops.isRunning()).isTrue();
        assertThat(log).containsExactly("start expiry", "start relay", "start consumer", "start streams");
        log.clear();
        loops.stop();

        assertThat(log).containsExactly("stop streams", "stop consumer", "stop relay", "stop expiry");
        assertThat(loops.isRunning()).isFalse();
    }

    @Test
    void restartsALoopThatFailsButNotOneThatCompleted() {
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger completing = new AtomicInteger();
        BackgroundLoops loops = new BackgroundLoops(List.of(() -> List.of(
                BackgroundLoop.cancelled(
                        "failing once",
                        Stage.CONSUMERS,
                        () -> failing.incrementAndGet() == 1
                                ? Flux.error(new IllegalStateException("lost the broker"))
                                : Flux.never()),
                BackgroundLoop.cancelled("completing", Stage.JOBS, () -> {
                    completing.incrementAndGet();
                    return Flux.empty();
                }))));

        loops.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> failing.get() == 2);
        assertThat(completing).hasValue(1);
        loops.stop();
    }

    @Test
    void aLoopThatEndsByItselfIsGivenTheSignalThatItEnded() {
        AtomicInteger released = new AtomicInteger();
        reactor.core.publisher.Sinks.Empty<Void> finish = reactor.core.publisher.Sinks.empty();
        BackgroundLoops loops = new BackgroundLoops(List.of(() -> List.of(new BackgroundLoop(
                "relay",
                Stage.RELAY,
                () -> Flux.never().takeUntilOther(finish.asMono()),
                (ended, cancel) -> Mono.fromRunnable(finish::tryEmitEmpty)
                        .then(ended)
                        .then(Mono.fromRunnable(released::incrementAndGet))))));

        loops.start();
        loops.stop();

        assertThat(released).hasValue(1);
    }

    @Test
    void stopsAndStartsOneLoopByName() {
        BackgroundLoops loops = new BackgroundLoops(
                List.of(() -> List.of(loop("relay", Stage.RELAY), loop("consumer", Stage.CONSUMERS))));
        loops.start();
        log.clear();

        loops.stop("relay");
        loops.start("relay");
        loops.start("relay");

        assertThat(log).containsExactly("stop relay", "start relay");
        loops.stop();
    }
}
