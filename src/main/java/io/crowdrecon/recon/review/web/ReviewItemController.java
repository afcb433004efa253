package io.crowdrecon.recon.review.web;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.review.ReviewActions;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewStatus;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operators' review queue. */
@RestController
@Tag(name = ApiTags.REVIEW)
public class ReviewItemController {

    private final ReviewItems items;
    private final ReviewActions actions;
    private final Clock clock;
    private final OpsJournal journal;

    public ReviewItemController(ReviewItems items, ReviewActions actions, Clock clock, OpsJournal journal) {
        this.items = items;
        this.actions = actions;
        this.clock = clock;
        this.journal = journal;
    }

    @Schema(
            name = "ReviewItem",
            description = "Something an operator must look at.",
            requiredProperties = {"reviewItemId", "kind", "status", "detail", "createdDatetime"})
    public record ReviewItemResponse(
            String reviewItemId,
            ReviewKind kind,
            ReviewStatus status,
            @Nullable String portalId,
            @Nullable String orderId,
            @Nullable String subjectId,
            String detail,
            @Nullable String note,
            Instant createdDatetime,
            @Nullable Instant resolvedDatetime) {

        static ReviewItemResponse of(ReviewItem i) {
            return new ReviewItemResponse(
                    i.reviewItemId().value(),
                    i.kind(),
                    i.status(),
                    i.portalId() == null ? null : i.portalId().value(),
                    i.orderId() == null ? null : i.orderId().value(),
                    i.subjectId(),
                    i.detail(),
                    i.note(),
                    i.createdAt(),
                    i.resolvedAt());
        }
    }

    /** {@code action} only for items that take one: RELEASE or REVERSE for a CHARGEBACK or a NOT_ON_STATEMENT. */
    @Schema(description = "How the item was resolved", requiredProperties = "note")
    public record ResolveRequest(
            @Schema(description = "At most 4,096 characters", example = "Returned by hand, ticket 4711") String note,
            @Schema(
                            description = "Only for a CHARGEBACK (RELEASE the held moneyouts, or REVERSE them: the"
                                    + " order is refunded by the chargeback) and a NOT_ON_STATEMENT credit (RELEASE"
                                    + " the held moneyouts: the money is there; REVERSE: it never arrived, the credit"
                                    + " is recalled)",
                            allowableValues = {"RELEASE", "REVERSE"})
                    String action) {}

    @GetMapping("/api/v1/ops/review-items")
    @Operation(
            operationId = "listReviewItems",
            summary = "List review items",
            description = "The review queue, newest first, filtered by kind, status or order.")
    Mono<Page<ReviewItemResponse>> list(
            @Parameter(schema = @Schema(implementation = ReviewKind.class)) @RequestParam(required = false) String kind,
            @Parameter(schema = @Schema(implementation = ReviewStatus.class)) @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) @Nullable String orderId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> items.page(
                        parse("kind", kind, ReviewKind.class),
                        parse("status", status, ReviewStatus.class),
                        orderId == null || orderId.isBlank() ? null : orderId,
                        request))
                .map(result -> result.map(ReviewItemResponse::of));
    }

    @PutMapping("/api/v1/ops/review-items/{reviewItemId}/resolved")
    @Operation(
            operationId = "resolveReviewItem",
            summary = "Resolve a review item",
            description =
                    "OPEN → RESOLVED with a note; a CHARGEBACK or NOT_ON_STATEMENT also takes its action. Resolving a resolved item"
                            + " changes nothing.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<ReviewItemResponse> resolve(
            @PathVariable String reviewItemId, @RequestBody ResolveRequest request, Caller caller) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String note = v.text("note", request.note(), true, 4096);
                    v.throwIfInvalid();
                    return v.checked(note);
                })
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "resolveReviewItem", "ReviewItem", reviewItemId, note),
                        () -> items.byId(ReviewItemId.of(reviewItemId))
                                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Review item", reviewItemId)))
                                .flatMap(item -> resolve(item, note, request.action()))))
                .map(ReviewItemResponse::of);
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }

    private Mono<ReviewItem> resolve(ReviewItem item, String note, String action) {
        if (item.status() == ReviewStatus.RESOLVED) {
            return Mono.just(item);
        }
        if (item.kind() == ReviewKind.COMPLIANCE_HOLD) {
            // The item shows an active hold: it closes when the hold ends, never on its own.
            return Mono.error(new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "A COMPLIANCE_HOLD item closes when its hold ends: PUT /api/v1/ops/holds/" + item.subjectId()
                            + "/released or /refused"));
        }
        if (actions.takesAction(item.kind())) {
            if (action == null) {
                return Mono.error(new DomainException(
                        ErrorCode.VALIDATION_FAILED,
                        "A " + item.kind() + " is resolved with an action",
                        java.util.List.of(new io.crowdrecon.recon.shared.FieldError(
                                "action", "is required: RELEASE or REVERSE"))));
            }
            return actions.resolveWith(item, action, note);
        }
        if (action != null) {
            return Mono.error(new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    "A " + item.kind() + " takes no action",
                    java.util.List.of(new io.crowdrecon.recon.shared.FieldError("action", "must be absent"))));
        }
        return items.move(
                item.reviewItemId(), ReviewTransitions.row(item, ReviewTrigger.RESOLVED_BY_OPS), note, clock.instant());
    }

    private static <E extends Enum<E>> @Nullable E parse(String name, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
