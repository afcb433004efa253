package io.crowdrecon.recon.stream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SSE wire format of an event (SPEC.md section 7), and that it is encoded once for all its clients. */
class SseFramesTests {

    private final SseFrames frames = new SseFrames();

    @Test
    void writesAnOrderEventAsOrderStatusWithItsSeqAsId() {
        assertThat(text(frames.of(event(42, "recon.order-events", "crowdrecon.order.status-changed.v1", "{\"a\":1}"))))
                .isEqualTo("id:42\nevent:order-status\ndata:{\"a\":1}\n\n");
    }

    @Test
    void namesAnyOtherEventByItsTypeAndSplitsMultiLineDataIntoDataLines() {
        assertThat(text(frames.of(event(7, "recon.moneyouts", "crowdrecon.moneyout.created.v1", "{\n\"b\":\"é\"\n}"))))
                .isEqualTo("id:7\nevent:crowdrecon.moneyout.created.v1\ndata:{\ndata:\"b\":\"é\"\ndata:}\n\n");
    }

    @Test
    void encodesAnEventOnceForEveryClientAndAgainOnlyWhenItsSlotWasTaken() {
        StoredEvent first = event(1, "recon.order-events", "t", "{}");
        byte[] once = frames.of(first);

        assertThat(frames.of(event(1, "recon.order-events", "t", "{}"))).isSameAs(once);
        // 4,096 events later the slot holds another event: the frame is encoded again, the same bytes.
        frames.of(event(1 + 4096, "recon.order-events", "t", "{}"));
        assertThat(frames.of(first)).isNotSameAs(once).isEqualTo(once);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static StoredEvent event(long seq, String topic, String type, String payload) {
        return new StoredEvent(
                seq, "id-" + seq, topic, "K", type, "/portals/P1", "P1", "TRX", "C1", payload, Instant.now());
    }
}
