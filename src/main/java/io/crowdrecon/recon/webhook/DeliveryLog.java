package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The deliveries of an endpoint as its portal reads them, with their attempts, and the portal's two writes: a replay,
 * and the restart of the waiting deliveries' 3-day window when the endpoint is enabled again. The delivery engine owns
 * every other write.
 */
public interface DeliveryLog {

    /**
     * One event's delivery to one endpoint.
     *
     * @param eventId the CloudEvent id (the event log's event id), also the {@code webhook-id} header
     * @param subject the event's key (orderId, unidentifiedTransferId...)
     * @param nextAttemptAt when it is next due; null when ended
     * @param attempts every attempt so far, first first
     */
    record Delivery(
            WebhookDeliveryId deliveryId,
            WebhookEndpointId endpointId,
            String eventId,
            String eventType,
            String subject,
            DeliveryStatus status,
            int attemptCount,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant endedAt,
            List<Attempt> attempts) {

        public Delivery {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt of a delivery.
     *
     * @param statusCode the receiver's HTTP status; null when no answer came (refused, timed out, not allowed)
     */
    record Attempt(
            int attempt, Instant attemptedAt, @Nullable Integer statusCode, int latencyMs, @Nullable String error) {}

    /** The deliveries of an endpoint, newest first, in {@code status} when given; each with its attempts. */
    Mono<Page<Delivery>> page(WebhookEndpointId endpointId, @Nullable DeliveryStatus status, PageRequest page);

    /** The delivery if it is {@code endpointId}'s; completes empty otherwise. */
    Mono<Delivery> byId(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId);

    /** Like {@link #byId} without the attempts, locking the row until the transaction ends. */
    Mono<Delivery> lockById(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId);

    /** Makes a PENDING delivery due at {@code now}; emits whether it was still PENDING. */
    Mono<Boolean> makeDue(WebhookDeliveryId deliveryId, Instant now);

    /**
     * Moves an ended delivery along the REPLAY {@code row}: PENDING, not ended, due at {@code now}, its 3-day window
     * restarted (first attempt null); its attempts and their count are kept, so that new attempts continue the
     * numbering. Errors when the stored status is not one of the row's from (the caller holds the row's lock).
     */
    Mono<Void> moveReplayed(WebhookDeliveryId deliveryId, Transition<DeliveryStatus, DeliveryTrigger> row, Instant now);

    /**
     * Restarts the 3-day window of the endpoint's PENDING deliveries (first attempt null) and makes them due at
     * {@code now}, so that an endpoint enabled again gets its backlog at once, not at the end of a backoff; emits how
     * many.
     */
    Mono<Long> restartWindows(WebhookEndpointId endpointId, Instant now);
}
