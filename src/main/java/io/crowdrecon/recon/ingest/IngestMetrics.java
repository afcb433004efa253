package io.crowdrecon.recon.ingest;

import io.crowdrecon.recon.matching.Bookings;

/** What the ingest reports as it goes (Micrometer behind it). */
public interface IngestMetrics {

    void decided(Bookings bookings);

    /** One partition's batch of {@code topic} decided and committed. */
    void batchProcessed(String topic, int records, long nanos);

    void deadLettered(String topic, boolean mayBeCredit);

    IngestMetrics NONE = new IngestMetrics() {
        @Override
        public void decided(Bookings bookings) {}

        @Override
        public void batchProcessed(String topic, int records, long nanos) {}

        @Override
        public void deadLettered(String topic, boolean mayBeCredit) {}
    };
}
