package io.crowdrecon.recon.outbox;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event for other systems, written to the event log in the transaction of the change it
 * announces and later published to Kafka as a CloudEvent (SPEC.md section 6).
 *
 * @param topic the outbound Kafka topic
 * @param key the Kafka key and CloudEvents {@code subject} (orderId, unidentifiedTransferId, ...)
 * @param type the CloudEvents {@code type}, e.g. {@code crowdrecon.order.status-changed.v1}
 * @param portalId the owning portal, or null for an event no portal owns (source {@code /ops})
 * @param orderId the order it concerns, if any (for stream filters)
 * @param campaignId the campaign it concerns, if any (for stream filters)
 * @param data the CloudEvents data, serialised as JSON; also the event's view in the SSE streams
 * @param published what the Kafka record carries instead of {@code data}, if not that JSON (a payment file's XML)
 */
public record OutboundEvent(
        String topic,
        String key,
        String type,
        @Nullable String portalId,
        @Nullable String orderId,
        @Nullable String campaignId,
        Object data,
        @Nullable PublishedData published) {

    /** An event published with its JSON {@code data}, as most are. */
    public OutboundEvent(
            String topic,
            String key,
            String type,
            @Nullable String portalId,
            @Nullable String orderId,
            @Nullable String campaignId,
            Object data) {
        this(topic, key, type, portalId, orderId, campaignId, data, null);
    }

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The CloudEvents {@code source}: {@code /portals/{portalId}}, or {@code /ops}. */
    public String source() {
        return portalId == null ? "/ops" : "/portals/" + portalId;
    }
}
