package io.crowdrecon.recon.operator.web;

import io.crowdrecon.recon.operator.OpsLog;
import io.crowdrecon.recon.operator.OpsLogEntry;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/ops/log}: the append-only ops log, newest first. */
@RestController
@Tag(name = ApiTags.OPERATORS)
public class OpsLogController {

    private final OpsLog log;

    public OpsLogController(OpsLog log) {
        this.log = log;
    }

    @Schema(
            name = "OpsLogEntry",
            description = "One ops write: who did what, when, on which object, with the request's note",
            requiredProperties = {
                "sequence",
                "datetime",
                "operatorId",
                "operatorName",
                "action",
                "objectType",
                "outcome"
            })
    public record OpsLogEntryResponse(
            @Schema(description = "The line's place in the log, increasing") long sequence,
            Instant datetime,
            String operatorId,
            @Schema(description = "The operator's name at the time") String operatorName,
            @Schema(description = "The API operation", example = "resolveReviewItem") String action,
            @Schema(description = "The kind of object acted on", example = "ReviewItem") String objectType,
            @Schema(description = "Its id; absent when the write failed before there was one") @Nullable
                    String objectId,
            @Schema(description = "The request's note, when it had one") @Nullable String note,
            @Schema(description = "OK, or the error code the request was answered with", example = "OK")
                    String outcome) {

        static OpsLogEntryResponse of(OpsLogEntry entry) {
            return new OpsLogEntryResponse(
                    entry.sequence(),
                    entry.at(),
                    entry.operatorId().value(),
                    entry.operatorName(),
                    entry.action(),
                    entry.objectType(),
                    entry.objectId(),
                    entry.note(),
                    entry.outcome());
        }
    }

    @GetMapping("/api/v1/ops/log")
    @Operation(
            operationId = "listOpsLog",
            summary = "Read the ops log",
            description = "Every ops write, newest first: from (inclusive) and to (exclusive) are instants, operator"
                    + " an operatorId.")
    Mono<Page<OpsLogEntryResponse>> list(
            @Parameter(schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "An operatorId", schema = @Schema(type = "string"))
                    @RequestParam(required = false)
                    @Nullable
                    String operator,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> log.page(
                        QueryParameters.instant("from", from),
                        QueryParameters.instant("to", to),
                        operatorId(operator),
                        request))
                .map(result -> result.map(OpsLogEntryResponse::of));
    }

    private static @Nullable OperatorId operatorId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!IdPrefix.OPERATOR.isWellFormed(value)) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "operator must be " + IdPrefix.OPERATOR.shape());
        }
        return OperatorId.of(value);
    }
}
