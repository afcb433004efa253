package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A portal's webhook endpoints (register, read, replace, enable and disable, delete, rotate the secret) and their
 * deliveries (list, replay); operators read them all. Every call is scoped: another portal's endpoint is NOT_FOUND.
 * Secrets are never logged.
 */
public class WebhookRegistry {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistry.class);

    /** More would be a misconfiguration rather than a need; each endpoint gets its own copy of every event. */
    public static final int MAX_ENDPOINTS_PER_PORTAL = 20;

    /** The previous secret also signs for this long after a rotation, so that receivers can switch without a gap. */
    public static final Duration PREVIOUS_SECRET_LIFETIME = Duration.ofHours(24);

    /** How long a registration waits for the host's addresses. */
    public static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(5);

    public static final String DISABLED_BY_PORTAL = "disabled by the portal";

    /**
     * Resolves a host to its addresses, off the event loops. Emits every address; errors with
     * {@link UnknownHostException} when there is none.
     */
    @FunctionalInterface
    public interface HostResolver {
        Mono<List<InetAddress>> addresses(String host);
    }

    private final WebhookEndpoints endpoints;
    private final DeliveryLog deliveries;
    private final HostResolver resolver;
    private final UrlPolicy.Settings settings;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    public WebhookRegistry(
            WebhookEndpoints endpoints,
            DeliveryLog deliveries,
            HostResolver resolver,
            UrlPolicy.Settings settings,
            Transactions transactions,
            IdGenerator ids,
            SecureRandom random,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.resolver = resolver;
        this.settings = settings;
        this.transactions = transactions;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Registers an endpoint of {@code portalId}, ENABLED, with a new secret. Emits it as stored (its secret is to be
     * shown this once); errors with VALIDATION_FAILED (the request), WEBHOOK_URL_NOT_ALLOWED (the host's addresses), or
     * WEBHOOK_ENDPOINT_LIMIT_REACHED (the portal has {@value #MAX_ENDPOINTS_PER_PORTAL} already).
     */
    public Mono<WebhookEndpoint> register(PortalId portalId, EndpointRequestCheck.Request request) {
        return allowed(request)
                .flatMap(checked -> transactions.inTransaction(() -> endpoints
                        .lockAndCount(portalId)
                        .flatMap(count -> count >= MAX_ENDPOINTS_PER_PORTAL
                                ? Mono.error(limitReached())
                                : endpoints.add(newEndpoint(portalId, checked)))))
                .doOnNext(endpoint -> log.info(
                        "Webhook endpoint {} registered by portal {} for {}",
                        endpoint.endpointId(),
                        portalId,
                        endpoint.eventTypes()));
    }

    /** The endpoint of {@code portalId} (any portal's when null, for operators); errors with NOT_FOUND. */
    public Mono<WebhookEndpoint> endpoint(@Nullable PortalId portalId, String endpointId) {
        return endpoints
                .byId(portalId, WebhookEndpointId.of(endpointId))
                .switchIfEmpty(Mono.error(() -> notFound(endpointId)));
    }

    /** The endpoints of {@code portalId} (of every portal when null), newest first. */
    public Mono<Page<WebhookEndpoint>> endpoints(@Nullable PortalId portalId, PageRequest page) {
        return endpoints.page(portalId, page);
    }

    /**
     * Replaces the url, event types and description of an endpoint of {@code portalId} (same checks as a
     * registration). {@code enabled} false disables an ENABLED endpoint ("disabled by the portal"); true enables a
     * DISABLED one, clearing its reason and failure time, and restarts the 3-day window of its waiting deliveries; null
     * keeps the status. Emits the endpoint as now stored.
     */
    public Mono<WebhookEndpoint> replace(
            PortalId portalId, String endpointId, EndpointRequestCheck.Request request, @Nullable Boolean enabled) {
        WebhookEndpointId id = WebhookEndpointId.of(endpointId);
        return allowed(request)
                .flatMap(checked -> transactions.inTransaction(() -> endpoints
                        .lockById(portalId, id)
                        .switchIfEmpty(Mono.error(() -> notFound(endpointId)))
                        .flatMap(endpoint -> replaced(endpoint, checked))
                        .flatMap(endpoint -> switched(endpoint, enabled))))
                .doOnNext(endpoint -> log.info(
                        "Webhook endpoint {} of portal {} replaced: {}, {}",
                        endpoint.endpointId(),
                        portalId,
                        endpoint.eventTypes(),
                        endpoint.status()));
    }

    /** Deletes an endpoint of {@code portalId} and its deliveries; errors with NOT_FOUND. */
    public Mono<Void> delete(PortalId portalId, String endpointId) {
        return endpoints
                .delete(portalId, WebhookEndpointId.of(endpointId))
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(notFound(endpointId)))
                .doOnSuccess(done -> log.info("Webhook endpoint {} of portal {} deleted", endpointId, portalId));
    }

    /**
     * Gives an endpoint of {@code portalId} a new secret; the current one keeps signing for
     * {@link #PREVIOUS_SECRET_LIFETIME} as its previous secret. A second rotation within that time replaces the
     * previous secret with the one it retires: only the last two secrets sign. Emits the endpoint with its new secret.
     */
    public Mono<WebhookEndpoint> rotate(PortalId portalId, String endpointId) {
        WebhookEndpointId id = WebhookEndpointId.of(endpointId);
        return transactions
                .inTransaction(() -> endpoints
                        .lockById(portalId, id)
                        .switchIfEmpty(Mono.error(() -> notFound(endpointId)))
                        .map(this::rotated)
                        .flatMap(rotated -> endpoints.rotate(rotated).thenReturn(rotated)))
                .doOnNext(endpoint -> log.info(
                        "Webhook endpoint {} of portal {}: secret rotated, the previous one signs until {}",
                        endpoint.endpointId(),
                        portalId,
                        endpoint.previousSecretUntil()));
    }

    /**
     * The deliveries of an endpoint of {@code portalId} (any portal's when null), newest first, in {@code status} when
     * given, each with its attempts; errors with NOT_FOUND for the endpoint.
     */
    public Mono<Page<DeliveryLog.Delivery>> deliveries(
            @Nullable PortalId portalId, String endpointId, @Nullable DeliveryStatus status, PageRequest page) {
        return endpoint(portalId, endpointId).flatMap(endpoint -> deliveries.page(endpoint.endpointId(), status, page));
    }

    /** One delivery of an endpoint of {@code portalId}, with its attempts; errors with NOT_FOUND. */
    public Mono<DeliveryLog.Delivery> delivery(PortalId portalId, String endpointId, String deliveryId) {
        return endpoint(portalId, endpointId)
                .flatMap(endpoint -> deliveries.byId(endpoint.endpointId(), WebhookDeliveryId.of(deliveryId)))
                .switchIfEmpty(Mono.error(() -> deliveryNotFound(deliveryId)));
    }

    /**
     * Sends a delivery of an endpoint of {@code portalId} again: a PENDING one is made due now; a DELIVERED or FAILED
     * one moves back to PENDING (REPLAY), due now, with its 3-day window restarted and its attempts kept. The
     * {@code webhook-id} stays the event's, so that a receiver can tell a replay from a new event. Emits the delivery as
     * now stored; errors with NOT_FOUND.
     */
    public Mono<DeliveryLog.Delivery> replay(PortalId portalId, String endpointId, String deliveryId) {
        WebhookDeliveryId id = WebhookDeliveryId.of(deliveryId);
        return endpoint(portalId, endpointId)
                .flatMap(endpoint -> transactions
                        .inTransaction(() -> deliveries
                                .lockById(endpoint.endpointId(), id)
                                .switchIfEmpty(Mono.error(() -> deliveryNotFound(deliveryId)))
                                .flatMap(this::replayed))
                        .then(deliveries.byId(endpoint.endpointId(), id)))
                .switchIfEmpty(Mono.error(() -> deliveryNotFound(deliveryId)))
                .doOnNext(delivery -> log.info(
                        "Webhook delivery {} of endpoint {} replayed by portal {}", deliveryId, endpointId, portalId));
    }

    private Mono<Void> replayed(DeliveryLog.Delivery delivery) {
        Instant now = clock.instant();
        if (delivery.status() == DeliveryStatus.PENDING) {
            return deliveries.makeDue(delivery.deliveryId(), now).then();
        }
        return deliveries.moveReplayed(
                delivery.deliveryId(),
                DeliveryTransitions.row(delivery.deliveryId().value(), delivery.status(), DeliveryTrigger.REPLAY),
                now);
    }

    /** The request checked, then its host's addresses when private ones are refused. */
    private Mono<EndpointRequestCheck.Checked> allowed(EndpointRequestCheck.Request request) {
        return Mono.fromCallable(() -> EndpointRequestCheck.checked(request, settings))
                .flatMap(checked -> settings.allowPrivate()
                        // Nothing to refuse: the host is not resolved, so that an endpoint whose name does not
                        // resolve yet (a tunnel, a test receiver) can be registered in development.
                        ? Mono.just(checked)
                        : addressesOf(checked.host()).flatMap(addresses -> EndpointRequestCheck.addressRefusal(
                                        checked.host(), addresses, settings)
                                .map(reason -> Mono.<EndpointRequestCheck.Checked>error(
                                        EndpointRequestCheck.notAllowed(reason)))
                                .orElseGet(() -> Mono.just(checked))));
    }

    private Mono<List<InetAddress>> addressesOf(String host) {
        return resolver.addresses(host)
                .timeout(RESOLVE_TIMEOUT)
                .defaultIfEmpty(List.of())
                .onErrorMap(
                        UnknownHostException.class,
                        e -> EndpointRequestCheck.notAllowed(EndpointRequestCheck.unresolved(host)))
                .onErrorMap(
                        TimeoutException.class,
                        e -> EndpointRequestCheck.notAllowed("url's host " + host + " did not resolve within "
                                + RESOLVE_TIMEOUT.toSeconds() + " s"));
    }

    private WebhookEndpoint newEndpoint(PortalId portalId, EndpointRequestCheck.Checked checked) {
        Instant now = clock.instant();
        return new WebhookEndpoint(
                ids.nextWebhookEndpointId(),
                portalId,
                checked.url(),
                checked.description(),
                checked.eventTypes(),
                EndpointStatus.ENABLED,
                null,
                WebhookSecret.generate(random),
                null,
                null,
                0, // the insert reads the event log's last seq
                null,
                now,
                now);
    }

    private Mono<WebhookEndpoint> replaced(WebhookEndpoint endpoint, EndpointRequestCheck.Checked checked) {
        WebhookEndpoint replaced = new WebhookEndpoint(
                endpoint.endpointId(),
                endpoint.portalId(),
                checked.url(),
                checked.description(),
                checked.eventTypes(),
                endpoint.status(),
                endpoint.disabledReason(),
                endpoint.secret(),
                endpoint.previousSecret(),
                endpoint.previousSecretUntil(),
                endpoint.fromSeq(),
                endpoint.failingSince(),
                endpoint.createdAt(),
                clock.instant());
        return endpoints.replace(replaced).thenReturn(replaced);
    }

    /** Enables or disables as asked; asking for the status it has changes nothing (a PUT is idempotent). */
    private Mono<WebhookEndpoint> switched(WebhookEndpoint endpoint, @Nullable Boolean enabled) {
        if (enabled == null || enabled == (endpoint.status() == EndpointStatus.ENABLED)) {
            return Mono.just(endpoint);
        }
        if (enabled) {
            WebhookEndpoint moved = withStatus(endpoint, EndpointStatus.ENABLED, null, null);
            return endpoints
                    .move(moved, EndpointTransitions.row(endpoint, EndpointTrigger.ENABLE))
                    // Its waiting deliveries go out now, with a full 3 days, not the rest of a window that ran
                    // while it was off.
                    .then(deliveries.restartWindows(endpoint.endpointId(), clock.instant()))
                    .thenReturn(moved);
        }
        WebhookEndpoint moved =
                withStatus(endpoint, EndpointStatus.DISABLED, DISABLED_BY_PORTAL, endpoint.failingSince());
        return endpoints
                .move(moved, EndpointTransitions.row(endpoint, EndpointTrigger.DISABLE))
                .thenReturn(moved);
    }

    private WebhookEndpoint withStatus(
            WebhookEndpoint endpoint,
            EndpointStatus status,
            @Nullable String disabledReason,
            @Nullable Instant failingSince) {
        return new WebhookEndpoint(
                endpoint.endpointId(),
                endpoint.portalId(),
                endpoint.url(),
                endpoint.description(),
                endpoint.eventTypes(),
                status,
                disabledReason,
                endpoint.secret(),
                endpoint.previousSecret(),
                endpoint.previousSecretUntil(),
                endpoint.fromSeq(),
                failingSince,
                endpoint.createdAt(),
                endpoint.updatedAt());
    }

    private WebhookEndpoint rotated(WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        return new WebhookEndpoint(
                endpoint.endpointId(),
                endpoint.portalId(),
                endpoint.url(),
                endpoint.description(),
                endpoint.eventTypes(),
                endpoint.status(),
                endpoint.disabledReason(),
                WebhookSecret.generate(random),
                endpoint.secret(),
                now.plus(PREVIOUS_SECRET_LIFETIME),
                endpoint.fromSeq(),
                endpoint.failingSince(),
                endpoint.createdAt(),
                now);
    }

    private static DomainException limitReached() {
        return new DomainException(
                ErrorCode.WEBHOOK_ENDPOINT_LIMIT_REACHED,
                "A portal has at most " + MAX_ENDPOINTS_PER_PORTAL
                        + " webhook endpoints: delete one, or give an endpoint more eventTypes");
    }

    private static DomainException notFound(String endpointId) {
        return DomainException.notFound("Webhook endpoint", endpointId);
    }

    private static DomainException deliveryNotFound(String deliveryId) {
        return DomainException.notFound("Webhook delivery", deliveryId);
    }
}
