package io.crowdrecon.recon.outbox;

import java.time.Instant;

/** An event as the log keeps it: its place in the global sequence and its stable CloudEvents id. */
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
        Instant createdAt) {}
