package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The stream's guarantees, on an in-memory log: no gap or repeat at the replay/live seam, slow clients dropped. */
class OrderEventStreamTests {

    private final InMemoryHistory history = new InMemoryHistory();
    private final EventFanOut fanOut = new EventFanOut(history, Duration.ofMillis(5), 100);
    private final OrderEventStream stream = new OrderEventStream(fanOut, history);

    @Test
    void continuesFromTheLogIntoLiveEventsWithoutAGapOrARepeat() {
        history.append(5);
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(stream.events("P1", new OrderEventStream.Start(2), e -> true)
                            .take(8))
                    .then(() -> history.append(5))
                    .expectNextMatches(e -> e.seq() == 3)
                    .expectNextMatches(e -> e.seq() == 4)
                    .expectNextMatches(e -> e.seq() == 5)
                    .expectNextMatches(e -> e.seq() == 6)
                    .expectNextMatches(e -> e.seq() == 7)
                    .expectNextMatches(e -> e.seq() == 8)
                    .expectNextMatches(e -> e.seq() == 9)
                    .expectNextMatches(e -> e.seq() == 10)
                    .verifyComplete();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void dropsAClientThatFallsTooFarBehindInsteadOfSlowingEveryoneElse() {
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(stream.events("P1", new OrderEventStream.Start(0), e -> true), 0)
                    .then(() -> history.append(OrderEventStream.MAX_BEHIND + 50))
                    .thenAwait(Duration.ofMillis(200))
                    .thenRequest(Long.MAX_VALUE)
                    .thenConsumeWhile(e -> true)
                    .expectError(OrderEventStream.SlowClientException.class)
                    .verify(Duration.ofSeconds(20));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void startsAfterTheLastCommittedEventWithoutALastEventId() {
        history.append(3);

        StepVerifier.create(stream.start(null))
                .assertNext(start -> assertThat(start.after()).isEqualTo(3))
                .verifyComplete();
    }

    /** An event log in memory: seq from 1, all events of portal P1. */
    static final class InMemoryHistory implements EventHistory {
        private final List<StoredEvent> events = new ArrayList<>();
        private final AtomicLong last = new AtomicLong();

        synchronized void append(int n) {
            for (int i = 0; i < n; i++) {
                long seq = last.incrementAndGet();
                events.add(new StoredEvent(
                        seq,
                        "id-" + seq,
                        "recon.order-events",
                        "TRX" + seq,
                        "t",
                        "/portals/P1",
                        "P1",
                        "TRX" + seq,
                        "C1",
                        "{}",
                        Instant.now()));
            }
        }

        @Override
        public synchronized Mono<List<StoredEvent>> after(long seq, int limit) {
            return Mono.just(
                    events.stream().filter(e -> e.seq() > seq).limit(limit).toList());
        }

        @Override
        public Mono<Long> lastSeq() {
            return Mono.just(last.get());
        }

        @Override
        public synchronized Mono<Long> firstKeptSeq() {
            return events.isEmpty() ? Mono.empty() : Mono.just(events.get(0).seq());
        }

        @Override
        public Mono<Long> forgetOlderThan(Instant cutoff) {
            return Mono.just(0L);
        }
    }
}
