package io.crowdrecon.recon.webhook.web;

import io.crowdrecon.recon.order.OrderStatusChanged;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionMessage;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionStatusChanged;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferMessage;
import io.crowdrecon.recon.webhook.DeliveryLog;
import io.crowdrecon.recon.webhook.DeliveryStatus;
import io.crowdrecon.recon.webhook.EndpointStatus;
import io.crowdrecon.recon.webhook.WebhookEndpoint;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The webhook API's shapes, shared by the portal's and the operators' controllers. */
final class WebhookResponses {

    private WebhookResponses() {}

    @Schema(
            name = "WebhookEndpoint",
            description = "A webhook endpoint. Its secret is shown only when it is registered or rotated.",
            requiredProperties = {
                "webhookEndpointId",
                "portalId",
                "url",
                "eventTypes",
                "status",
                "createdDatetime",
                "updatedDatetime"
            })
    record EndpointResponse(
            String webhookEndpointId,
            String portalId,
            String url,
            @Nullable String description,
            @ArraySchema(
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                // WebhookEventTypes.ALL, as constants an annotation can hold
                                                OrderStatusChanged.TYPE,
                                                MoneyoutMessage.CREATED,
                                                MoneyoutMessage.STATUS_CHANGED,
                                                PaymentInstructionMessage.REQUESTED,
                                                PaymentInstructionStatusChanged.TYPE,
                                                UnidentifiedTransferMessage.RECEIVED
                                            }))
                    List<String> eventTypes,
            EndpointStatus status,
            @Schema(description = "Why it is DISABLED: by the portal, a 410 Gone, or 3 days of failures") @Nullable
                    String disabledReason,
            Instant createdDatetime,
            Instant updatedDatetime) {

        static EndpointResponse of(WebhookEndpoint e) {
            return new EndpointResponse(
                    e.endpointId().value(),
                    e.portalId().value(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.status(),
                    e.disabledReason(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    @Schema(
            name = "RegisteredWebhookEndpoint",
            description = "A webhook endpoint just registered, with its secret: shown this once.",
            requiredProperties = {
                "webhookEndpointId",
                "portalId",
                "url",
                "eventTypes",
                "status",
                "secret",
                "createdDatetime",
                "updatedDatetime"
            })
    record RegisteredResponse(
            String webhookEndpointId,
            String portalId,
            String url,
            @Nullable String description,
            List<String> eventTypes,
            EndpointStatus status,
            @Nullable String disabledReason,
            @Schema(
                            description = "whsec_ and the base64 of 32 random bytes: the key of the"
                                    + " webhook-signature HMAC (Standard Webhooks v1). Shown only here and on rotation",
                            example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                    String secret,
            Instant createdDatetime,
            Instant updatedDatetime) {

        static RegisteredResponse of(WebhookEndpoint e) {
            return new RegisteredResponse(
                    e.endpointId().value(),
                    e.portalId().value(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.status(),
                    e.disabledReason(),
                    e.secret(),
                    e.createdAt(),
                    e.updatedAt());
        }

        /** Never the secret: a response's toString may reach a log. */
        @Override
        public String toString() {
            return "RegisteredResponse[" + webhookEndpointId + "]";
        }
    }

    @Schema(
            name = "WebhookSecretRotation",
            description = "An endpoint's new secret. The previous one also signs every delivery until"
                    + " previousSecretExpiresDatetime (webhook-signature then carries two signatures).",
            requiredProperties = {"webhookEndpointId", "secret", "previousSecretExpiresDatetime"})
    record RotationResponse(String webhookEndpointId, String secret, Instant previousSecretExpiresDatetime) {

        static RotationResponse of(WebhookEndpoint e) {
            return new RotationResponse(
                    e.endpointId().value(),
                    e.secret(),
                    java.util.Objects.requireNonNull(e.previousSecretUntil(), "a rotated endpoint has one"));
        }

        @Override
        public String toString() {
            return "RotationResponse[" + webhookEndpointId + ", until " + previousSecretExpiresDatetime + "]";
        }
    }

    @Schema(
            name = "WebhookAttempt",
            description = "One attempt of a delivery.",
            requiredProperties = {"attempt", "attemptedDatetime", "latencyMs"})
    record AttemptResponse(
            @Schema(description = "1 for the first") int attempt,
            Instant attemptedDatetime,
            @Schema(description = "The receiver's HTTP status; null when no answer came") @Nullable Integer statusCode,
            @Schema(description = "Until the answer's status and headers, or the failure") int latencyMs,
            @Nullable String error) {

        static AttemptResponse of(DeliveryLog.Attempt a) {
            return new AttemptResponse(a.attempt(), a.attemptedAt(), a.statusCode(), a.latencyMs(), a.error());
        }
    }

    @Schema(
            name = "WebhookDelivery",
            description = "One event's delivery to one endpoint, with its attempts.",
            requiredProperties = {
                "deliveryId",
                "webhookEndpointId",
                "eventId",
                "eventType",
                "subject",
                "status",
                "attemptCount",
                "createdDatetime",
                "attempts"
            })
    record DeliveryResponse(
            String deliveryId,
            String webhookEndpointId,
            @Schema(description = "The CloudEvent id, also the webhook-id header: the same on every retry and replay")
                    String eventId,
            String eventType,
            @Schema(description = "The event's key (orderId, unidentifiedTransferId...), the CloudEvent subject")
                    String subject,
            DeliveryStatus status,
            int attemptCount,
            @Schema(description = "When it is next due; null once ended") @Nullable Instant nextAttemptDatetime,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            Instant createdDatetime,
            @Nullable Instant endedDatetime,
            List<AttemptResponse> attempts) {

        static DeliveryResponse of(DeliveryLog.Delivery d) {
            return new DeliveryResponse(
                    d.deliveryId().value(),
                    d.endpointId().value(),
                    d.eventId(),
                    d.eventType(),
                    d.subject(),
                    d.status(),
                    d.attemptCount(),
                    d.nextAttemptAt(),
                    d.lastStatusCode(),
                    d.lastError(),
                    d.createdAt(),
                    d.endedAt(),
                    d.attempts().stream().map(AttemptResponse::of).toList());
        }
    }

    /** The {@code status} filter of a delivery list; an unknown one is INVALID_PARAMETER. */
    static @Nullable DeliveryStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER, "status must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
