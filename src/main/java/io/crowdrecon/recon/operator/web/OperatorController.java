package io.crowdrecon.recon.operator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.Operator;
import io.crowdrecon.recon.operator.OperatorDesk;
import io.crowdrecon.recon.operator.OperatorRole;
import io.crowdrecon.recon.operator.Operators;
import io.crowdrecon.recon.operator.OpsAction;
import io.crowdrecon.recon.operator.Permissions;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Administrators create and disable named operators; any operator sees who it is signed in as. */
@RestController
@Tag(name = ApiTags.OPERATORS)
public class OperatorController {

    private static final String PATH = "/api/v1/ops/operators";

    private final OperatorDesk desk;
    private final Operators operators;
    private final IdempotentRequests idempotency;

    public OperatorController(OperatorDesk desk, Operators operators, IdempotentRequests idempotency) {
        this.desk = desk;
        this.operators = operators;
        this.idempotency = idempotency;
    }

    @Schema(
            description = "A new named operator",
            requiredProperties = {"name", "role"})
    public record CreateOperatorRequest(
            @Schema(description = "At most 255 characters", example = "Ada Rossi") String name,
            @Schema(implementation = OperatorRole.class) String role) {}

    @Schema(description = "Why the operator is disabled (recorded in the ops log)")
    public record DisableOperatorRequest(
            @Schema(description = "At most 4,096 characters", example = "Left the company") @Nullable String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Operator",
            description = "A named operator; apiKey appears once, in the answer that creates it.",
            requiredProperties = {"operatorId", "name", "role", "disabled", "createdDatetime", "createdBy"})
    public record OperatorResponse(
            String operatorId,
            String name,
            OperatorRole role,
            boolean disabled,
            Instant createdDatetime,
            @Schema(description = "The operatorId of the administrator who created it") String createdBy,
            @Schema(description = "The operator's API key (crk_…): shown once, only its SHA-256 is kept") @Nullable
                    String apiKey) {

        static OperatorResponse of(Operator operator, @Nullable String apiKey) {
            return new OperatorResponse(
                    operator.operatorId().value(),
                    operator.name(),
                    operator.role(),
                    operator.disabled(),
                    operator.createdAt(),
                    operator.createdBy().value(),
                    apiKey);
        }
    }

    @Schema(
            name = "SignedInOperator",
            description = "Who the key or the dashboard session belongs to, and what its role allows",
            requiredProperties = {"operatorId", "name", "role", "allowed"})
    public record SignedInResponse(String operatorId, String name, OperatorRole role, List<OpsAction> allowed) {}

    @PostMapping(PATH)
    @Operation(
            operationId = "createOperator",
            summary = "Create an operator",
            description = "ADMIN only. Creates a named operator with a role and answers its API key, once: an"
                    + " idempotent replay answers 409 API_KEY_ALREADY_ISSUED.")
    @ApiResponse(
            responseCode = "201",
            description = "The operator with its key",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    @ApiErrors(ErrorCode.API_KEY_ALREADY_ISSUED)
    Mono<ResponseEntity<Object>> create(
            @RequestBody CreateOperatorRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(
                exchange, caller, request, false, () -> desk.create(actor(caller), request.name(), request.role())
                        .map(created -> ResponseEntity.created(URI.create(
                                        PATH + "/" + created.operator().operatorId()))
                                .body(OperatorResponse.of(created.operator(), created.apiKey()))));
    }

    @GetMapping(PATH)
    @Operation(operationId = "listOperators", summary = "List operators", description = "Newest first, no keys.")
    Mono<Page<OperatorResponse>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(operators::page)
                .map(result -> result.map(operator -> OperatorResponse.of(operator, null)));
    }

    @GetMapping(PATH + "/me")
    @Operation(
            operationId = "getSignedInOperator",
            summary = "Who is signed in",
            description = "The operator the key or the dashboard session belongs to (the bootstrap administrator for"
                    + " RECON_OPS_API_KEY), and the kinds of action its role allows.")
    Mono<SignedInResponse> me(Caller caller) {
        Actor actor = actor(caller);
        return Mono.just(new SignedInResponse(
                actor.operatorId().value(), actor.name(), actor.role(), List.copyOf(Permissions.of(actor.role()))));
    }

    @GetMapping(PATH + "/{operatorId}")
    @Operation(operationId = "getOperator", summary = "Get an operator", description = "An operator, without its key.")
    Mono<OperatorResponse> operator(@PathVariable String operatorId) {
        return operators
                .byId(OperatorId.of(operatorId))
                .map(operator -> OperatorResponse.of(operator, null))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Operator", operatorId)));
    }

    @PutMapping(PATH + "/{operatorId}/disabled")
    @Operation(
            operationId = "disableOperator",
            summary = "Disable an operator",
            description = "ADMIN only. From the next request on, on every instance, the operator's key and its"
                    + " dashboard sessions answer 401. Disabling a disabled operator changes nothing.")
    Mono<OperatorResponse> disable(
            @PathVariable String operatorId,
            @RequestBody(required = false) @Nullable DisableOperatorRequest request,
            Caller caller) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String note = v.text("note", request == null ? null : request.note(), false, 4096);
                    v.throwIfInvalid();
                    return java.util.Optional.ofNullable(note);
                })
                .flatMap(note -> desk.setDisabled(actor(caller), OperatorId.of(operatorId), true, note.orElse(null)))
                .map(operator -> OperatorResponse.of(operator, null));
    }

    /** The operator behind an ops request. */
    static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
