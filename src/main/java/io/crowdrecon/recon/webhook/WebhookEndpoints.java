package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The webhook endpoints of every portal, as the registry reads and writes them. A portal sees only its own: another
 * portal's endpoint does not exist for it ({@code portalId} null reads any portal's, for operators).
 */
public interface WebhookEndpoints {

    /**
     * Stores a new endpoint; its {@code fromSeq} is the event log's last seq at the insert, read by the insert itself
     * (the endpoint receives the events appended after it). Emits the endpoint as stored.
     */
    Mono<WebhookEndpoint> add(WebhookEndpoint endpoint);

    /**
     * How many endpoints {@code portalId} has, holding the portal's registration lock until the transaction ends: two
     * registrations at once cannot both pass the limit.
     */
    Mono<Long> lockAndCount(PortalId portalId);

    /** The endpoint if it is {@code portalId}'s (any portal's when null); completes empty otherwise. */
    Mono<WebhookEndpoint> byId(@Nullable PortalId portalId, WebhookEndpointId endpointId);

    /** Like {@link #byId}, locking the row until the transaction ends. */
    Mono<WebhookEndpoint> lockById(@Nullable PortalId portalId, WebhookEndpointId endpointId);

    /** The endpoints of {@code portalId} (of every portal when null), newest first. */
    Mono<Page<WebhookEndpoint>> page(@Nullable PortalId portalId, PageRequest page);

    /** Writes {@code replaced}'s url, description, event types and updatedAt. */
    Mono<Void> replace(WebhookEndpoint replaced);

    /** Writes {@code rotated}'s secret, previous secret, its end, and updatedAt. */
    Mono<Void> rotate(WebhookEndpoint rotated);

    /**
     * Moves the endpoint along {@code row}, writing {@code moved}'s disabledReason, failingSince and updatedAt; errors
     * when the stored status is not one of the row's from (the caller holds the row's lock).
     */
    Mono<Void> move(WebhookEndpoint moved, Transition<EndpointStatus, EndpointTrigger> row);

    /** Deletes the endpoint of {@code portalId} and, by cascade, its deliveries; emits whether there was one. */
    Mono<Boolean> delete(PortalId portalId, WebhookEndpointId endpointId);
}
