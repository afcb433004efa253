package io.crowdrecon.recon.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event as the log keeps it: its place in the global sequence and its stable CloudEvents id.
 *
 * @param payload the JSON view, the record's data unless {@code published} says otherwise
 * @param published what the record carries instead of {@code payload}; read by the relay only (the SSE streams
 *     do not read it, and see null)
 */
public record StoredEvent(
        long seq,
        String eventId,
        String topic,
        String key,
        String type,
        String source,
        String portalId,
        String orderId,
        String campaignId,
        String payload,
        Instant createdAt,
        @Nullable PublishedData published) {

    public StoredEvent(
            long seq,
            String eventId,
            String topic,
            String key,
            String type,
            String source,
            String portalId,
            String orderId,
            String campaignId,
            String payload,
            Instant createdAt) {
        this(seq, eventId, topic, key, type, source, portalId, orderId, campaignId, payload, createdAt, null);
    }

    /** This event with what its record carries instead of its payload. */
    public StoredEvent withPublished(@Nullable PublishedData data) {
        return new StoredEvent(
                seq, eventId, topic, key, type, source, portalId, orderId, campaignId, payload, createdAt, data);
    }
}
