package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The delivery engine's store: the fan-out's lease and cursor, the dispatcher's queue, and each attempt's writes. */
public interface Deliveries {

    /**
     * One fan-out step.
     *
     * @param cursor the last seq turned into deliveries before this step
     * @param upTo the last seq turned into deliveries by this step ({@code cursor} when there was nothing new)
     * @param deliveries how many deliveries it made
     */
    record FanOut(long cursor, long upTo, long deliveries) {
        public long events() {
            return upTo - cursor;
        }
    }

    /**
     * A delivery claimed for an attempt.
     *
     * @param event the event, or null when it is no longer in the log (a replay after it was pruned), or the row names
     *     another event than the log holds at its seq
     * @param attemptCount the attempts made before this one
     */
    record Due(
            WebhookDeliveryId deliveryId,
            WebhookEndpoint endpoint,
            long eventSeq,
            @Nullable StoredEvent event,
            int attemptCount) {}

    /** A delivery as it is under its lock, for deciding an attempt's outcome. */
    record Locked(DeliveryStatus status, int attemptCount, @Nullable Instant firstAttemptAt) {}

    /** One attempt as recorded. */
    record Attempt(Instant attemptedAt, @Nullable Integer statusCode, long latencyMs, @Nullable String error) {}

    /**
     * In one round trip: takes or renews the fan-out lease for {@code owner}; then makes one PENDING delivery per event
     * of the next {@code limit} events of the log and endpoint of the event's portal that asked for its type (enabled
     * or not) and was registered before it, due at {@code now} if it heads its endpoint's line for its key (else
     * without a time, until the one before it ends), and moves the cursor past them. Emits empty when another instance
     * holds the lease.
     */
    Mono<FanOut> fanOut(String owner, Duration lease, int limit, Instant now);

    /** Gives the lease up if {@code owner} holds it, so that another instance takes over at once. */
    Mono<Void> release(String owner);

    /**
     * Claims up to {@code limit} deliveries due at {@code now} of enabled endpoints, each the first PENDING one of its
     * endpoint and ordering key, and pushes their next attempt to {@code now + hold}, so that an attempt lost in a crash
     * is made again then. Emits the claimed deliveries (possibly none).
     */
    Mono<List<Due>> claimDue(Instant now, Duration hold, int limit);

    /** Locks the delivery for recording an attempt; emits empty when it is gone (its endpoint was deleted). */
    Mono<Locked> lock(WebhookDeliveryId deliveryId);

    /** Locks the endpoint for recording an attempt; emits empty when it is gone. */
    Mono<WebhookEndpoint> lockEndpoint(WebhookEndpointId endpointId);

    /**
     * Records attempt number {@code attempt} of a PENDING delivery (its row, the delivery's count, first attempt, last
     * status and error); a retry sets {@code nextAttemptAt}, null leaves it for {@link #move}.
     */
    Mono<Void> attempted(WebhookDeliveryId deliveryId, int attempt, Attempt made, @Nullable Instant nextAttemptAt);

    /**
     * Moves the delivery along {@code row} of {@link DeliveryTransitions}, ending it at {@code at}; the next delivery of
     * its endpoint and key, waiting behind it, becomes due at {@code at}.
     */
    Mono<Void> move(WebhookDeliveryId deliveryId, Transition<DeliveryStatus, DeliveryTrigger> row, Instant at);

    /**
     * Makes due the PENDING deliveries that wait without a time although none of their line is before them (the head
     * of their line ended while the fan-out made them); emits how many.
     */
    Mono<Long> promoteStranded(Instant now);

    /** Sets the endpoint's {@code failing_since}. */
    Mono<Void> failingSince(WebhookEndpointId endpointId, @Nullable Instant since, Instant at);

    /**
     * Moves the endpoint along {@code row} of {@link EndpointTransitions} with the reason; emits whether it moved (false
     * when it is no longer in {@code row.from()}).
     */
    Mono<Boolean> moveEndpoint(
            WebhookEndpointId endpointId, Transition<EndpointStatus, EndpointTrigger> row, String reason, Instant at);
}
