package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            StepVerifier.create(stream.events(EventFilter.portal("P1", null, null, null), new OrderEventStream.Start(2))
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
    void readsNoEventWhileNobodyListensAndAClientArrivingLaterMissesNone() {
        var subscription = fanOut.run().subscribe();
        try {
            history.append(50);
            await().atMost(Duration.ofSeconds(5)).until(() -> fanOut.position() == 50);
            assertThat(history.eventsRead()).as("events read for no listener").isZero();

            StepVerifier.create(
                            stream.events(EventFilter.portal("P1", null, null, null), new OrderEventStream.Start(45))
                                    .map(StoredEvent::seq)
                                    .take(10))
                    .expectNext(46L, 47L, 48L, 49L, 50L)
                    .then(() -> history.append(5))
                    .expectNext(51L, 52L, 53L, 54L, 55L)
                    .verifyComplete();
            assertThat(history.eventsRead()).isPositive();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void resumesAnOrdersStreamWithItsOwnEventsOnlyAcrossPagesOfTheLogAndIntoLiveEvents() {
        // The order's history is spread over more than one page (100) of the log, among other orders'
        // events and an event of another portal carrying the same order id.
        List<Long> expected = new ArrayList<>();
        expected.add(history.append("P1", "C1", "TRX-A"));
        for (int page = 0; page < 3; page++) {
            for (int i = 0; i < 120; i++) {
                history.append("P1", "C1", "TRX-" + i);
            }
            history.append("P2", "C1", "TRX-A");
            expected.add(history.append("P1", "C1", "TRX-A"));
        }
        EventFilter order = EventFilter.portal("P1", "recon.order-events", null, "TRX-A");
        // Live: another order's event, the other portal's, then the order's own.
        long live = history.lastSeq().block() + 3;
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(stream.events(order, new OrderEventStream.Start(0))
                            .map(StoredEvent::seq)
                            .take(expected.size() + 1))
                    .expectNextSequence(expected)
                    .then(() -> {
                        history.append("P1", "C1", "TRX-B");
                        history.append("P2", "C1", "TRX-A");
                        history.append("P1", "C1", "TRX-A");
                    })
                    .expectNext(live)
                    .verifyComplete();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void endsEveryLiveStreamWithWhatItHadWhenTheInstanceStops() {
        history.append(3);
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(stream.events(EventFilter.ops(null, null), new OrderEventStream.Start(0))
                            .map(StoredEvent::seq))
                    .expectNext(1L, 2L, 3L)
                    .then(() -> {
                        history.append(2);
                        await().atMost(Duration.ofSeconds(10)).until(fanOut::position, p -> p == 5);
                        subscription.dispose();
                        fanOut.close();
                    })
                    .expectNext(4L, 5L)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            // A client arriving during the shutdown gets the log, then its stream ends too.
            StepVerifier.create(stream.events(EventFilter.ops(null, null), new OrderEventStream.Start(3))
                            .map(StoredEvent::seq))
                    .expectNext(4L, 5L)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void servesLiveStreamsAgainWhenTheStoppedInstanceStartsAgain() {
        history.append(2);
        fanOut.run().subscribe().dispose();
        fanOut.close();
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(stream.events(EventFilter.ops(null, null), new OrderEventStream.Start(2))
                            .map(StoredEvent::seq)
                            .take(2))
                    .then(() -> history.append(2))
                    .expectNext(3L, 4L)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void dropsAClientThatFallsTooFarBehindInsteadOfSlowingEveryoneElse() {
        var subscription = fanOut.run().subscribe();
        try {
            StepVerifier.create(
                            stream.events(EventFilter.portal("P1", null, null, null), new OrderEventStream.Start(0)), 0)
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
