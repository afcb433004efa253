package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The stream's guarantees, on an in-memory log: no gap or repeat at the replay/live seam, slow clients dropped. */
class OrderEventStreamTests {

    private final InMemoryEventHistory history = new InMemoryEventHistory();
    private final Scheduler delivery = Schedulers.newSingle("test-event-delivery", true);
    private final EventFanOut fanOut = new EventFanOut(history, Duration.ofMillis(5), 100, delivery);
    private final OrderEventStream stream = new OrderEventStream(fanOut, history);

    @AfterEach
    void stopDelivery() {
        delivery.dispose();
    }

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
                    // Every event handed out (the buffer overflowed) before the client asks for any.
                    .then(() -> await().atMost(Duration.ofSeconds(10))
                            .until(fanOut::position, p -> p == OrderEventStream.MAX_BEHIND + 50))
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
}
