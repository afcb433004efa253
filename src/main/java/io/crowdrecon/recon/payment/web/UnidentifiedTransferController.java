package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.unidentified.UnidentifiedFilter;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Unidentified transfers: a portal sees those credited to its collection IBAN or naming its card orders; ops see all. */
@RestController
@Tag(name = ApiTags.UNIDENTIFIED)
public class UnidentifiedTransferController {

    private final UnidentifiedTransfers transfers;

    public UnidentifiedTransferController(UnidentifiedTransfers transfers) {
        this.transfers = transfers;
    }

    /** The query parameters of both lists; every one optional. */
    public record UnidentifiedQuery(
            @Schema(implementation = UnidentifiedReason.class) @Nullable String reason,
            @Schema(
                            description = "Filters status: RECEIVED (not yet returned) or RETURNED. RETURN_REQUESTED"
                                    + " and RETURN_FAILED, which status showed before it took Fabrick v4's values,"
                                    + " still select those transfers (as returnStatus does)",
                            allowableValues = {"RECEIVED", "RETURNED", "RETURN_REQUESTED", "RETURN_FAILED"})
                    @Nullable
                    String status,
            @Schema(implementation = UnidentifiedStatus.class, description = "Filters returnStatus exactly") @Nullable
                    String returnStatus,
            @Schema(description = "The orderId the payment named") @Nullable String candidateOrderId,
            @Schema(format = "date-time", description = "Received at or after (ISO 8601 with offset)") @Nullable
                    String from,
            @Schema(format = "date-time", description = "Received before (ISO 8601 with offset)") @Nullable String to,
            @Nullable Integer page,
            @Nullable Integer size) {}

    @GetMapping("/api/v1/unidentified-transfers")
    @Operation(
            operationId = "listUnidentifiedTransfers",
            summary = "List unidentified transfers",
            description = "Payments to the portal's collection IBAN or for its card orders that matched no payable"
                    + " order, newest first.")
    Mono<Page<UnidentifiedTransferResponse>> ofPortal(Caller caller, @ParameterObject UnidentifiedQuery query) {
        return list(caller.portalIdOrFail(), query);
    }

    @GetMapping("/api/v1/ops/unidentified-transfers")
    @Operation(
            operationId = "listAllUnidentifiedTransfers",
            summary = "List every unidentified transfer",
            description = "Unidentified transfers of every portal, and those of no portal (UNKNOWN_ACCOUNT), newest"
                    + " first.",
            tags = ApiTags.AUDIT)
    Mono<Page<UnidentifiedTransferResponse>> all(@ParameterObject UnidentifiedQuery query) {
        return list(null, query);
    }

    private Mono<Page<UnidentifiedTransferResponse>> list(@Nullable PortalId portalId, UnidentifiedQuery query) {
        return Mono.fromCallable(() -> UnidentifiedFilter.parse(
                        query.reason(),
                        query.status(),
                        query.returnStatus(),
                        query.candidateOrderId(),
                        query.from(),
                        query.to()))
                .zipWith(Mono.fromCallable(() -> PageRequest.of(query.page(), query.size())))
                .flatMap(args -> transfers.page(portalId, args.getT1(), args.getT2()))
                .map(result -> result.map(UnidentifiedTransferResponse::of));
    }
}
