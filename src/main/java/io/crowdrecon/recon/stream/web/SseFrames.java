package io.crowdrecon.recon.stream.web;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bytes of each event as an SSE frame, encoded once however many clients it goes to: one
 * event of a portal goes to each of the portal's clients and to every ops client. Keeps the frames
 * of the latest 4,096 events; a miss only costs an encoding.
 */
final class SseFrames {

    static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final int SLOTS = 4096;

    private record Frame(long seq, byte[] bytes) {}

    private final AtomicReferenceArray<Frame> recent = new AtomicReferenceArray<>(SLOTS);

    byte[] of(StoredEvent event) {
        int slot = (int) (event.seq() & (SLOTS - 1));
        Frame frame = recent.get(slot);
        if (frame == null || frame.seq() != event.seq()) {
            // Two threads may both encode the same event: the same bytes, so either may win.
            frame = new Frame(event.seq(), encode(event));
            recent.set(slot, frame);
        }
        return frame.bytes();
    }

    /** {@code id:}, {@code event:} ({@code order-status} for order events, else the type), then one {@code data:} per line. */
    static byte[] encode(StoredEvent event) {
        String name = Topics.ORDER_EVENTS.equals(event.topic()) ? "order-status" : event.type();
        String payload = event.payload();
        StringBuilder frame = new StringBuilder(payload.length() + name.length() + 40);
        frame.append("id:").append(event.seq()).append('\n');
        frame.append("event:").append(name).append('\n');
        for (String line : payload.split("\n", -1)) {
            frame.append("data:").append(line).append('\n');
        }
        frame.append('\n');
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }
}
