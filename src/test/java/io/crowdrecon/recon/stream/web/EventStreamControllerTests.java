package io.crowdrecon.recon.stream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.stream.InMemoryEventHistory;
import io.crowdrecon.recon.stream.OrderEventStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** What a stream client sees when it falls too far behind: the response ends, so it reconnects and resumes. */
class EventStreamControllerTests {

    private final InMemoryEventHistory history = new InMemoryEventHistory();
    private final Scheduler delivery = Schedulers.newSingle("test-event-delivery", true);
    private final EventFanOut fanOut = new EventFanOut(history, Duration.ofMillis(5), 100, delivery);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventStreamController controller =
            new EventStreamController(new OrderEventStream(fanOut, history), Duration.ofSeconds(1), meters);
    private final Disposable polling = fanOut.run().subscribe();

    @AfterEach
    void stop() {
        polling.dispose();
        delivery.dispose();
    }

    @Test
    void endsTheResponseOfAClientThatFellTooFarBehindInsteadOfFailingItOrKeepingItOpen() {
        var body = controller
                .orderEvents(Caller.portal(PortalId.of("P1"), new byte[32]), null, null, null, null)
                .block(Duration.ofSeconds(5))
                .getBody()
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8));
        int events = OrderEventStream.MAX_BEHIND + 50;

        StepVerifier.create(body, 1)
                .expectNext(": connected\n\n")
                .then(() -> assertThat(
                                meters.get("recon.stream.clients").gauge().value())
                        .isEqualTo(1.0))
                .then(() -> history.append(events))
                // Every event handed out (the client's buffer overflowed) before it reads any.
                .then(() -> await().atMost(Duration.ofSeconds(10)).until(fanOut::position, p -> p == events))
                .thenRequest(Long.MAX_VALUE)
                // What was buffered still arrives (heartbeats may interleave), then the response ends.
                .thenConsumeWhile(frame -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertThat(meters.get("recon.stream.clients.dropped").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("recon.stream.clients").gauge().value()).isZero();
    }
}
