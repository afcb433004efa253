package io.crowdrecon.recon.export.web;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.export.ExportFilter;
import io.crowdrecon.recon.export.ExportKind;
import io.crowdrecon.recon.export.ExportPeriod;
import io.crowdrecon.recon.export.Exports;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /exports/{kind}.csv} (the calling portal's rows) and {@code GET /ops/exports/{kind}.csv} (every portal's,
 * or one's): the parameters are checked and the campaign looked up before the first byte, so that a refusal is still
 * a problem document; then the file streams.
 */
@RestController
public class ExportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String KINDS = "moneyins, refunds, unidentified-transfers, payment-instructions, moneyouts";

    private final Exports exports;
    private final Campaigns campaigns;
    private final Clock clock;

    public ExportController(Exports exports, Campaigns campaigns, Clock clock) {
        this.exports = exports;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/exports/{kind}.csv", produces = "text/csv")
    @Operation(
            operationId = "getExport",
            summary = "Download an export",
            description = "The portal's rows of one kind (" + KINDS + ") created in the period (unidentified"
                    + " transfers: received), oldest first, as CSV (RFC 4180, UTF-8, a header row). from is"
                    + " inclusive, to exclusive, both UTC days; to defaults to tomorrow, from to a month before to;"
                    + " at most ten years. Another portal's campaign: 404. Columns: docs/api.md, Exports.",
            tags = ApiTags.EXPORTS)
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file, streamed",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiErrors({ErrorCode.INVALID_PARAMETER, ErrorCode.NOT_FOUND})
    Mono<ResponseEntity<Flux<DataBuffer>>> portalExport(
            @Parameter(
                            description = "What to export",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "moneyins",
                                                "refunds",
                                                "unidentified-transfers",
                                                "payment-instructions",
                                                "moneyouts"
                                            }))
                    @PathVariable
                    String kind,
            @Parameter(
                            description = "The first day, inclusive (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(
                            description = "The first day not exported (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "Only this campaign's rows") @RequestParam(required = false) @Nullable
                    String campaignId,
            Caller caller) {
        PortalId portal = caller.portalIdOrFail();
        return export(kind, from, to, null, campaignId, id -> campaigns.ofPortal(portal, id), portal);
    }

    @GetMapping(value = "/api/v1/ops/exports/{kind}.csv", produces = "text/csv")
    @Operation(
            operationId = "getOpsExport",
            summary = "Download an export across portals",
            description = "As GET /exports/{kind}.csv, for every portal's rows (unidentified transfers no portal owns"
                    + " included), or one portal's.",
            tags = ApiTags.EXPORTS)
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file, streamed",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiErrors({ErrorCode.INVALID_PARAMETER, ErrorCode.NOT_FOUND})
    Mono<ResponseEntity<Flux<DataBuffer>>> opsExport(
            @Parameter(
                            description = "What to export",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "moneyins",
                                                "refunds",
                                                "unidentified-transfers",
                                                "payment-instructions",
                                                "moneyouts"
                                            }))
                    @PathVariable
                    String kind,
            @Parameter(
                            description = "The first day, inclusive (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(
                            description = "The first day not exported (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "Only this campaign's rows") @RequestParam(required = false) @Nullable
                    String campaignId,
            @Parameter(description = "Only this portal's rows") @RequestParam(required = false) @Nullable
                    String portalId) {
        return export(kind, from, to, portalId, campaignId, campaigns::byId, null);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> export(
            String kindName,
            @Nullable String from,
            @Nullable String to,
            @Nullable String portalId,
            @Nullable String campaignId,
            Function<CampaignId, Mono<Campaign>> campaignLookup,
            @Nullable PortalId callingPortal) {
        return Mono.fromCallable(() -> request(kindName, from, to, portalId, callingPortal))
                .flatMap(request -> campaign(campaignId, campaignLookup)
                        .map(campaign -> new Request(
                                request.kind(),
                                new ExportFilter(
                                        request.filter().period(),
                                        request.filter().portalId(),
                                        campaign)))
                        .defaultIfEmpty(request))
                .map(this::response);
    }

    private record Request(ExportKind kind, ExportFilter filter) {}

    private Request request(
            String kindName,
            @Nullable String from,
            @Nullable String to,
            @Nullable String portalId,
            @Nullable PortalId callingPortal) {
        ExportKind kind =
                ExportKind.ofPathName(kindName).orElseThrow(() -> DomainException.notFound("Export", kindName));
        ExportPeriod period = ExportPeriod.of(
                QueryParameters.date("from", from), QueryParameters.date("to", to), LocalDate.now(clock));
        PortalId portal = callingPortal != null ? callingPortal : portal(portalId);
        return new Request(kind, new ExportFilter(period, portal, null));
    }

    private static @Nullable PortalId portal(@Nullable String portalId) {
        if (portalId == null || portalId.isBlank()) {
            return null;
        }
        if (!IdPrefix.PORTAL.isWellFormed(portalId)) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "portalId must be " + IdPrefix.PORTAL.shape());
        }
        return PortalId.of(portalId);
    }

    /** The campaign named, once found; empty when none is named; 404 when it is unknown (or another portal's). */
    private static Mono<CampaignId> campaign(@Nullable String campaignId, Function<CampaignId, Mono<Campaign>> lookup) {
        if (campaignId == null || campaignId.isBlank()) {
            return Mono.empty();
        }
        if (!IdPrefix.CAMPAIGN.isWellFormed(campaignId)) {
            return Mono.error(DomainException.notFound("Campaign", campaignId));
        }
        CampaignId id = CampaignId.of(campaignId);
        return lookup.apply(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .thenReturn(id);
    }

    private ResponseEntity<Flux<DataBuffer>> response(Request request) {
        ExportPeriod period = request.filter().period();
        String filename = request.kind().pathName() + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(exports.csv(request.kind(), request.filter()).map(DefaultDataBufferFactory.sharedInstance::wrap));
    }
}
