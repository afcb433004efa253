package io.crowdrecon.recon.hold.web;

import io.crowdrecon.recon.hold.ComplianceHold;
import io.crowdrecon.recon.hold.ComplianceHoldDesk;
import io.crowdrecon.recon.hold.ComplianceHoldDesk.By;
import io.crowdrecon.recon.hold.HoldStatus;
import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
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

/**
 * Compliance holds: ops place one on any investor or order, list, release and refuse them; a portal places one on its
 * own investor or order and reads it, but only ops end it. Every ops write is in the ops log, with its operator.
 */
@RestController
@Tag(name = ApiTags.HOLDS)
public class HoldController {

    private static final String OPS = "/api/v1/ops/holds";
    private static final String PORTAL = "/api/v1/holds";
    private static final int MAX_REASON = 4096;

    private final ComplianceHoldDesk desk;
    private final OpsJournal journal;
    private final IdempotentRequests idempotency;

    public HoldController(ComplianceHoldDesk desk, OpsJournal journal, IdempotentRequests idempotency) {
        this.desk = desk;
        this.journal = journal;
        this.idempotency = idempotency;
    }

    @Schema(
            description = "A hold on the money of an investor (all their orders, later ones included) or of one order:"
                    + " exactly one of investorId and orderId",
            requiredProperties = "reason")
    public record HoldRequest(
            @Nullable String investorId,
            @Nullable String orderId,
            @Schema(description = "1 to 4,096 characters", example = "AML review, ticket 4711") String reason) {}

    /** Optional body of a release or a refusal: a note for the ops log. */
    @Schema(description = "Optional: a note for the ops log")
    public record EndHoldRequest(
            @Schema(description = "At most 4,096 characters; recorded in the ops log", example = "Cleared by AML")
                    @Nullable
                    String note) {}

    @Schema(
            name = "ComplianceHold",
            description = "A compliance hold: while ACTIVE the money under it cannot reach the company.",
            requiredProperties = {"holdId", "portalId", "reason", "status", "placedByName", "createdDatetime"})
    public record HoldResponse(
            String holdId,
            String portalId,
            @Nullable String investorId,
            @Nullable String orderId,
            String reason,
            HoldStatus status,
            @Schema(description = "The operator who placed it; absent when its portal did") @Nullable String placedBy,
            @Schema(description = "The operator's name then, or `portal PRT…`") String placedByName,
            @Nullable String endedBy,
            @Nullable String endedByName,
            Instant createdDatetime,
            @Nullable Instant endedDatetime) {

        static HoldResponse of(ComplianceHold h) {
            return new HoldResponse(
                    h.holdId().value(),
                    h.portalId().value(),
                    h.investorId() == null ? null : h.investorId().value(),
                    h.orderId() == null ? null : h.orderId().value(),
                    h.reason(),
                    h.status(),
                    h.placedBy() == null ? null : h.placedBy().value(),
                    h.placedByName(),
                    h.endedBy() == null ? null : h.endedBy().value(),
                    h.endedByName(),
                    h.createdAt(),
                    h.endedAt());
        }
    }

    /** A checked request: exactly one subject, and a reason. */
    private record Checked(@Nullable InvestorId investorId, @Nullable OrderId orderId, String reason) {}

    @PostMapping(OPS)
    @Operation(
            operationId = "placeHold",
            summary = "Place a compliance hold",
            description = "Holds the money of any portal's investor or order: the AVAILABLE moneyouts of its accounted"
                    + " orders become HELD, later credits for them are matched with their moneyouts born HELD, and a"
                    + " COMPLIANCE_HOLD review item opens. Both or neither of investorId and orderId: 400.")
    @ApiResponse(
            responseCode = "201",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<ResponseEntity<Object>> place(@RequestBody HoldRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> checked(request)
                .flatMap(checked -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "placeHold", "ComplianceHold", null, checked.reason()),
                        hold -> hold.holdId().value(),
                        () -> desk.place(checked.investorId(), checked.orderId(), checked.reason(), by(caller))))
                .map(hold -> created(OPS, hold)));
    }

    @GetMapping(OPS)
    @Operation(
            operationId = "listHolds",
            summary = "List compliance holds",
            description = "Compliance holds of every portal, newest first, filtered by status, investor or order.")
    Mono<Page<HoldResponse>> list(
            @Parameter(schema = @Schema(implementation = HoldStatus.class)) @RequestParam(required = false) @Nullable
                    String status,
            @RequestParam(required = false) @Nullable String investorId,
            @RequestParam(required = false) @Nullable String orderId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> desk.page(
                        status(status),
                        investorId == null || investorId.isBlank() ? null : InvestorId.of(investorId),
                        orderId == null || orderId.isBlank() ? null : OrderId.of(orderId),
                        request))
                .map(result -> result.map(HoldResponse::of));
    }

    @GetMapping(OPS + "/{holdId}")
    @Operation(operationId = "getHold", summary = "Get a compliance hold", description = "One hold, of any portal.")
    Mono<HoldResponse> hold(@PathVariable String holdId) {
        return desk.byId(HoldId.of(holdId), null)
                .map(HoldResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Compliance hold", holdId)));
    }

    @PutMapping(OPS + "/{holdId}/released")
    @Operation(
            operationId = "releaseHold",
            summary = "Release a compliance hold",
            description = "ACTIVE → RELEASED: the held moneyouts of each order that no other hold, chargeback or credit"
                    + " missing from the statement holds go back to AVAILABLE; the review item is resolved. Releasing"
                    + " a released hold changes nothing; a refused one: 409.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<HoldResponse> release(
            @PathVariable String holdId,
            @RequestBody(required = false) @Nullable EndHoldRequest request,
            Caller caller) {
        return note(request)
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "releaseHold", "ComplianceHold", holdId, note.orElse(null)),
                        () -> desk.release(HoldId.of(holdId), by(caller))))
                .map(HoldResponse::of);
    }

    @PutMapping(OPS + "/{holdId}/refused")
    @Operation(
            operationId = "refuseHold",
            summary = "Refuse a compliance hold",
            description = "ACTIVE → REFUSED: every accounted order under it is refunded in full to its payer and"
                    + " becomes REFUNDED, every payable one EXPIRED (reason COMPLIANCE_HOLD_REFUSED); the review item"
                    + " is resolved. Refusing a refused hold changes nothing; a released one, or one whose orders a"
                    + " chargeback or a credit missing from the statement holds: 409, nothing changed.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<HoldResponse> refuse(
            @PathVariable String holdId,
            @RequestBody(required = false) @Nullable EndHoldRequest request,
            Caller caller) {
        return note(request)
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "refuseHold", "ComplianceHold", holdId, note.orElse(null)),
                        () -> desk.refuse(HoldId.of(holdId), by(caller))))
                .map(HoldResponse::of);
    }

    @PostMapping(PORTAL)
    @Operation(
            operationId = "placePortalHold",
            summary = "Place a compliance hold on one of the portal's investors or orders",
            description = "As ops would (the money under it is HELD until ops release or refuse it); another"
                    + " portal's investor or order is not found. Both or neither of investorId and orderId: 400.")
    @ApiResponse(
            responseCode = "201",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<ResponseEntity<Object>> placeAsPortal(
            @RequestBody HoldRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> checked(request)
                .flatMap(checked -> desk.place(
                        checked.investorId(), checked.orderId(), checked.reason(), By.portal(caller.portalIdOrFail())))
                .map(hold -> created(PORTAL, hold)));
    }

    @GetMapping(PORTAL + "/{holdId}")
    @Operation(
            operationId = "getPortalHold",
            summary = "Get one of the portal's compliance holds",
            description = "A hold on one of the portal's investors or orders, whoever placed it.")
    Mono<HoldResponse> holdOfPortal(@PathVariable String holdId, Caller caller) {
        return desk.byId(HoldId.of(holdId), caller.portalIdOrFail())
                .map(HoldResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Compliance hold", holdId)));
    }

    private static ResponseEntity<Object> created(String base, ComplianceHold hold) {
        return ResponseEntity.created(URI.create(base + "/" + hold.holdId())).body(HoldResponse.of(hold));
    }

    private static Mono<Checked> checked(HoldRequest request) {
        return Mono.fromCallable(() -> {
            Validation v = Validation.start();
            String reason = v.text("reason", request.reason(), true, MAX_REASON);
            boolean investor = !blank(request.investorId());
            boolean order = !blank(request.orderId());
            if (investor == order) {
                String message = investor ? "give investorId or orderId, not both" : "give investorId or orderId";
                v.add(investor ? "orderId" : "investorId", message);
            }
            v.throwIfInvalid();
            return new Checked(
                    investor ? InvestorId.of(v.checked(request.investorId())) : null,
                    order ? OrderId.of(v.checked(request.orderId())) : null,
                    v.checked(reason));
        });
    }

    private static Mono<Optional<String>> note(@Nullable EndHoldRequest request) {
        return Mono.fromCallable(() -> {
            Validation v = Validation.start();
            String checked = v.text("note", request == null ? null : request.note(), false, MAX_REASON);
            v.throwIfInvalid();
            return Optional.ofNullable(checked);
        });
    }

    private static @Nullable HoldStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return HoldStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER, "status must be one of " + Arrays.toString(HoldStatus.values()));
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }

    private static By by(Caller caller) {
        Actor actor = actor(caller);
        return By.operator(actor.operatorId(), actor.name());
    }
}
