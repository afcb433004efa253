package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A portal's webhook endpoint.
 *
 * @param eventTypes the CloudEvents types it receives (see {@link WebhookEventTypes}), at least one
 * @param secret the {@code whsec_} secret that signs its deliveries; shown to the portal only when made
 * @param previousSecret the secret before the last rotation, which also signs until {@code previousSecretUntil}
 * @param fromSeq it receives the events of the log after this seq (those appended once it was registered)
 * @param failingSince when its deliveries started failing with no success since; null while it answers
 */
public record WebhookEndpoint(
        WebhookEndpointId endpointId,
        PortalId portalId,
        String url,
        @Nullable String description,
        List<String> eventTypes,
        EndpointStatus status,
        @Nullable String disabledReason,
        String secret,
        @Nullable String previousSecret,
        @Nullable Instant previousSecretUntil,
        long fromSeq,
        @Nullable Instant failingSince,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(portalId, "portalId");
        eventTypes = List.copyOf(eventTypes);
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the previous one while it lasts. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    /** Never the secrets: a record's toString may reach a log. */
    @Override
    public String toString() {
        return "WebhookEndpoint[" + endpointId + ", portal " + portalId + ", " + url + ", " + status + "]";
    }
}
