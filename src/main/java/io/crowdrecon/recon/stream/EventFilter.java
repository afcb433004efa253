package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which events a stream wants, as a value, so that the same choice filters the live events here and
 * is put to the event log as a query when a stream replays (where an index answers it instead of a
 * scan of the whole log). A {@code null} part leaves that part open: {@code portalId} null is every
 * portal (ops), {@code topic} null every topic.
 */
public record EventFilter(
        @Nullable String portalId, @Nullable String topic, @Nullable String campaignId, @Nullable String orderId)
        implements Predicate<StoredEvent> {

    /** Every event of every portal: what the poller reads. */
    public static final EventFilter EVERYTHING = new EventFilter(null, null, null, null);

    /** A portal's events of one topic, optionally of one campaign and/or one order. */
    public static EventFilter portal(
            String portalId, String topic, @Nullable String campaignId, @Nullable String orderId) {
        if (portalId == null) {
            throw new IllegalArgumentException("a portal's stream needs its portal id");
        }
        return new EventFilter(portalId, topic, campaignId, orderId);
    }

    /** Every portal's events of every topic, optionally of one campaign and/or one order. */
    public static EventFilter ops(@Nullable String campaignId, @Nullable String orderId) {
        return new EventFilter(null, null, campaignId, orderId);
    }

    @Override
    public boolean test(StoredEvent event) {
        return matches(portalId, event.portalId())
                && matches(topic, event.topic())
                && matches(campaignId, event.campaignId())
                && matches(orderId, event.orderId());
    }

    private static boolean matches(@Nullable String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
