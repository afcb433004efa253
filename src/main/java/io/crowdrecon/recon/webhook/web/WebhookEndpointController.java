package io.crowdrecon.recon.webhook.web;

import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.webhook.DeliveryStatus;
import io.crowdrecon.recon.webhook.EndpointRequestCheck;
import io.crowdrecon.recon.webhook.WebhookRegistry;
import io.crowdrecon.recon.webhook.web.WebhookResponses.DeliveryResponse;
import io.crowdrecon.recon.webhook.web.WebhookResponses.EndpointResponse;
import io.crowdrecon.recon.webhook.web.WebhookResponses.RegisteredResponse;
import io.crowdrecon.recon.webhook.web.WebhookResponses.RotationResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A portal's webhook endpoints and their deliveries (docs/webhooks.md). Every query is scoped to the calling portal:
 * another portal's endpoint is 404.
 */
@RestController
@Tag(name = ApiTags.WEBHOOKS)
public class WebhookEndpointController {

    static final String PATH = "/api/v1/webhook-endpoints";

    private final WebhookRegistry registry;
    private final IdempotentRequests idempotency;

    public WebhookEndpointController(WebhookRegistry registry, IdempotentRequests idempotency) {
        this.registry = registry;
        this.idempotency = idempotency;
    }

    @Schema(
            name = "WebhookEndpointRequest",
            description = "Where to POST which events.",
            requiredProperties = {"url", "eventTypes"})
    public record EndpointRequest(
            @Schema(
                            description = "https (http only when RECON_WEBHOOKS_ALLOW_HTTP), at most 2,048 characters,"
                                    + " no credentials or fragment; its host must not resolve to a loopback,"
                                    + " link-local or private address (unless RECON_WEBHOOKS_ALLOW_PRIVATE)",
                            example = "https://backoffice.example.com/hooks/crowdrecon")
                    @Nullable
                    String url,
            @ArraySchema(
                            arraySchema = @Schema(description = "At least one, each once"),
                            schema = @Schema(example = "crowdrecon.order.status-changed.v1"))
                    @Nullable
                    List<@Nullable String> eventTypes,
            @Schema(description = "At most 1,024 characters", example = "Back office") @Nullable String description) {

        EndpointRequestCheck.Request checked() {
            return new EndpointRequestCheck.Request(url, eventTypes, description);
        }
    }

    @Schema(
            name = "WebhookEndpointUpdate",
            description = "Replaces the url, event types and description; enabled switches the endpoint off or on.",
            requiredProperties = {"url", "eventTypes"})
    public record EndpointUpdate(
            @Schema(example = "https://backoffice.example.com/hooks/crowdrecon") @Nullable String url,
            @Nullable List<@Nullable String> eventTypes,
            @Nullable String description,
            @Schema(
                            description = "false: DISABLED (its deliveries wait, PENDING); true on a DISABLED endpoint:"
                                    + " ENABLED, and its waiting deliveries go out with a new 3-day window; absent:"
                                    + " the status is kept")
                    @Nullable
                    Boolean enabled) {

        EndpointRequestCheck.Request checked() {
            return new EndpointRequestCheck.Request(url, eventTypes, description);
        }
    }

    @PostMapping(PATH)
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Register a webhook endpoint",
            description = "Registers an endpoint that receives, from now on, every event of the portal whose type it"
                    + " names, as a signed JSON CloudEvent. The answer holds the endpoint's secret: it is shown only"
                    + " here (an Idempotency-Key replay answers 409 API_KEY_ALREADY_ISSUED). At most 20 endpoints per"
                    + " portal.")
    @ApiResponse(
            responseCode = "201",
            description = "The endpoint, with its secret",
            content = @Content(schema = @Schema(implementation = RegisteredResponse.class)))
    @ApiErrors({
        ErrorCode.WEBHOOK_URL_NOT_ALLOWED,
        ErrorCode.WEBHOOK_ENDPOINT_LIMIT_REACHED,
        ErrorCode.API_KEY_ALREADY_ISSUED
    })
    Mono<ResponseEntity<Object>> register(
            @RequestBody EndpointRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(
                exchange, caller, request, false, () -> registry.register(caller.portalIdOrFail(), request.checked())
                        .map(endpoint -> ResponseEntity.created(URI.create(PATH + "/" + endpoint.endpointId()))
                                .body(RegisteredResponse.of(endpoint))));
    }

    @GetMapping(PATH)
    @Operation(
            operationId = "listWebhookEndpoints",
            summary = "List webhook endpoints",
            description = "The portal's endpoints, newest first, without their secrets.")
    Mono<Page<EndpointResponse>> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Caller caller) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> registry.endpoints(caller.portalIdOrFail(), request))
                .map(result -> result.map(EndpointResponse::of));
    }

    @GetMapping(PATH + "/{webhookEndpointId}")
    @Operation(
            operationId = "getWebhookEndpoint",
            summary = "Get a webhook endpoint",
            description = "One of the portal's endpoints, without its secret.")
    Mono<EndpointResponse> endpoint(@PathVariable String webhookEndpointId, Caller caller) {
        return registry.endpoint(caller.portalIdOrFail(), webhookEndpointId).map(EndpointResponse::of);
    }

    @PutMapping(PATH + "/{webhookEndpointId}")
    @Operation(
            operationId = "updateWebhookEndpoint",
            summary = "Replace a webhook endpoint",
            description = "Replaces the url, event types and description (checked as on registration); enabled false"
                    + " disables it (\"disabled by the portal\"), true enables a DISABLED one.")
    @ApiErrors(ErrorCode.WEBHOOK_URL_NOT_ALLOWED)
    Mono<EndpointResponse> replace(
            @PathVariable String webhookEndpointId, @RequestBody EndpointUpdate request, Caller caller) {
        return registry.replace(caller.portalIdOrFail(), webhookEndpointId, request.checked(), request.enabled())
                .map(EndpointResponse::of);
    }

    @DeleteMapping(PATH + "/{webhookEndpointId}")
    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete a webhook endpoint",
            description = "Deletes the endpoint and its deliveries: nothing more is sent to it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> delete(@PathVariable String webhookEndpointId, Caller caller) {
        return registry.delete(caller.portalIdOrFail(), webhookEndpointId)
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    @PostMapping(PATH + "/{webhookEndpointId}/secret/rotated")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook endpoint's secret",
            description = "A new secret signs from now on; the one it replaces also signs for 24 hours, so that the"
                    + " receiver can switch without losing a delivery. A second rotation within 24 hours retires the"
                    + " previous secret at once: only the last two sign. An Idempotency-Key replay answers 409"
                    + " API_KEY_ALREADY_ISSUED.")
    @ApiResponse(
            responseCode = "200",
            description = "The new secret",
            content = @Content(schema = @Schema(implementation = RotationResponse.class)))
    @ApiErrors(ErrorCode.API_KEY_ALREADY_ISSUED)
    Mono<ResponseEntity<Object>> rotate(
            @PathVariable String webhookEndpointId, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(
                exchange, caller, null, false, () -> registry.rotate(caller.portalIdOrFail(), webhookEndpointId)
                        .map(endpoint -> ResponseEntity.ok().body(RotationResponse.of(endpoint))));
    }

    @GetMapping(PATH + "/{webhookEndpointId}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List an endpoint's deliveries",
            description = "The endpoint's deliveries, newest first, each with its attempts.")
    Mono<Page<DeliveryResponse>> deliveries(
            @PathVariable String webhookEndpointId,
            @Parameter(schema = @Schema(implementation = DeliveryStatus.class))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Caller caller) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> registry.deliveries(
                        caller.portalIdOrFail(), webhookEndpointId, WebhookResponses.status(status), request))
                .map(result -> result.map(DeliveryResponse::of));
    }

    @GetMapping(PATH + "/{webhookEndpointId}/deliveries/{deliveryId}")
    @Operation(
            operationId = "getWebhookDelivery",
            summary = "Get a delivery",
            description = "One delivery of the endpoint, with its attempts.")
    Mono<DeliveryResponse> delivery(
            @PathVariable String webhookEndpointId, @PathVariable String deliveryId, Caller caller) {
        return registry.delivery(caller.portalIdOrFail(), webhookEndpointId, deliveryId)
                .map(DeliveryResponse::of);
    }

    @PostMapping(PATH + "/{webhookEndpointId}/deliveries/{deliveryId}/retried")
    @Operation(
            operationId = "retryWebhookDelivery",
            summary = "Replay a delivery",
            description = "Sends the delivery again, now: a DELIVERED or FAILED one becomes PENDING with a new 3-day"
                    + " window, its attempts kept; a PENDING one is made due now. The webhook-id stays the event's.")
    @ApiResponse(
            responseCode = "202",
            description = "The delivery, due now",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    Mono<ResponseEntity<Object>> replay(
            @PathVariable String webhookEndpointId,
            @PathVariable String deliveryId,
            Caller caller,
            ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, null, true, () -> registry.replay(
                        caller.portalIdOrFail(), webhookEndpointId, deliveryId)
                .map(delivery -> ResponseEntity.accepted().body(DeliveryResponse.of(delivery))));
    }
}
