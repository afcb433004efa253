package io.crowdrecon.recon.webhook.web;

import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.webhook.DeliveryStatus;
import io.crowdrecon.recon.webhook.WebhookRegistry;
import io.crowdrecon.recon.webhook.web.WebhookResponses.DeliveryResponse;
import io.crowdrecon.recon.webhook.web.WebhookResponses.EndpointResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operators' read-only view of every portal's webhook endpoints and deliveries (never a secret). */
@RestController
@Tag(name = ApiTags.WEBHOOKS)
public class OpsWebhookController {

    private static final String PATH = "/api/v1/ops/webhook-endpoints";

    private final WebhookRegistry registry;

    public OpsWebhookController(WebhookRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(PATH)
    @Operation(
            operationId = "listAllWebhookEndpoints",
            summary = "List webhook endpoints (ops)",
            description = "Every portal's endpoints, or one portal's, newest first, without their secrets.")
    Mono<Page<EndpointResponse>> list(
            @RequestParam(required = false) @Nullable String portalId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> registry.endpoints(
                        portalId == null || portalId.isBlank() ? null : PortalId.of(portalId), request))
                .map(result -> result.map(EndpointResponse::of));
    }

    @GetMapping(PATH + "/{webhookEndpointId}/deliveries")
    @Operation(
            operationId = "listAllWebhookDeliveries",
            summary = "List an endpoint's deliveries (ops)",
            description = "Any portal's endpoint's deliveries, newest first, each with its attempts.")
    Mono<Page<DeliveryResponse>> deliveries(
            @PathVariable String webhookEndpointId,
            @Parameter(schema = @Schema(implementation = DeliveryStatus.class))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request ->
                        registry.deliveries(null, webhookEndpointId, WebhookResponses.status(status), request))
                .map(result -> result.map(DeliveryResponse::of));
    }
}
