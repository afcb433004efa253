package io.crowdrecon.recon.ingest;

import org.jspecify.annotations.Nullable;

/**
 * One record read from an inbound topic, with where it came from (for the DLQ headers) and how to
 * acknowledge it. Acknowledging marks it processed: its offset is committed after this call, never
 * before, so call it only once the database has committed what the record caused.
 */
public record InboundRecord(
        String topic,
        int partition,
        long offset,
        String key,
        byte[] value,
        @Nullable String sourcePortalId,
        Runnable acknowledge) {

    /** The Kafka header naming the portal whose signed webhook a record came through. */
    public static final String SOURCE_PORTAL_HEADER = io.crowdrecon.recon.platform.kafka.Topics.SOURCE_PORTAL_HEADER;

    public String coordinates() {
        return topic + "/" + partition + "@" + offset;
    }
}
