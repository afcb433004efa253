package io.crowdrecon.recon.statement.web;

import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.QueryParameters;
import io.crowdrecon.recon.statement.CampaignLedger;
import io.crowdrecon.recon.statement.InvestorStatement;
import io.crowdrecon.recon.statement.Statements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /investors/{id}/statement} and {@code GET /campaigns/{id}/ledger}: JSON, or CSV when asked for with
 * {@code Accept: text/csv} or {@code ?format=csv}. Another portal's investor or campaign is 404.
 */
@RestController
public class StatementController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Statements statements;

    public StatementController(Statements statements) {
        this.statements = statements;
    }

    // Producing CSV too, it declares both types: an undeclared /api/v1 endpoint answers JSON only (ApiHandlerMapping).
    @GetMapping(
            value = "/api/v1/investors/{investorId}/statement",
            produces = {"application/json", "text/csv"})
    @Operation(
            operationId = "getInvestorStatement",
            summary = "Get an investor's statement",
            description = "Every order of the investor created from `from` to `to` (UTC days, `from` included and"
                    + " `to` not, as the exports count a period; either omitted) with what was paid (when, how, by whom), refunded, executed into shares and is still"
                    + " pending, and the totals per currency. As CSV (`Accept: text/csv` or `format=csv`): one line per"
                    + " money event of each order.",
            tags = ApiTags.INVESTORS)
    @ApiResponse(
            responseCode = "200",
            description = "The statement",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = StatementResponse.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    Mono<ResponseEntity<Object>> statement(
            Caller caller,
            @PathVariable String investorId,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) @Nullable
                    String format,
            ServerWebExchange exchange) {
        return statementAnswer(
                format,
                exchange,
                () -> statements.statement(
                        caller.portalIdOrFail(),
                        InvestorId.of(investorId),
                        QueryParameters.date("from", from),
                        QueryParameters.date("to", to)));
    }

    @GetMapping(
            value = "/api/v1/campaigns/{campaignId}/ledger",
            produces = {"application/json", "text/csv"})
    @Operation(
            operationId = "getCampaignLedger",
            summary = "Get a campaign's ledger",
            description = "Every money event of the campaign in booking order with a running balance per currency of"
                    + " the money held for it: it ends at zero once the campaign is finalized and every instruction"
                    + " executed. As CSV with `Accept: text/csv` or `format=csv`.",
            tags = ApiTags.CAMPAIGNS)
    @ApiResponse(
            responseCode = "200",
            description = "The ledger",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = LedgerResponse.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    Mono<ResponseEntity<Object>> ledger(
            Caller caller,
            @PathVariable String campaignId,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) @Nullable
                    String format,
            ServerWebExchange exchange) {
        return ledgerAnswer(
                format, exchange, () -> statements.ledger(caller.portalIdOrFail(), CampaignId.of(campaignId)));
    }

    @GetMapping(
            value = "/api/v1/ops/investors/{investorId}/statement",
            produces = {"application/json", "text/csv"})
    @Operation(
            operationId = "getOpsInvestorStatement",
            summary = "Get any portal's investor statement",
            description = "As GET /investors/{investorId}/statement, for an investor of any portal.",
            tags = ApiTags.AUDIT)
    @ApiResponse(
            responseCode = "200",
            description = "The statement",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = StatementResponse.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    Mono<ResponseEntity<Object>> opsStatement(
            @PathVariable String investorId,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) @Nullable
                    String format,
            ServerWebExchange exchange) {
        return statementAnswer(
                format,
                exchange,
                () -> statements.statementForOps(
                        InvestorId.of(investorId), QueryParameters.date("from", from), QueryParameters.date("to", to)));
    }

    @GetMapping(
            value = "/api/v1/ops/campaigns/{campaignId}/ledger",
            produces = {"application/json", "text/csv"})
    @Operation(
            operationId = "getOpsCampaignLedger",
            summary = "Get any portal's campaign ledger",
            description = "As GET /campaigns/{campaignId}/ledger, for a campaign of any portal.",
            tags = ApiTags.AUDIT)
    @ApiResponse(
            responseCode = "200",
            description = "The ledger",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = LedgerResponse.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    Mono<ResponseEntity<Object>> opsLedger(
            @PathVariable String campaignId,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) @Nullable
                    String format,
            ServerWebExchange exchange) {
        return ledgerAnswer(format, exchange, () -> statements.ledgerForOps(CampaignId.of(campaignId)));
    }

    /** The statement as JSON or CSV; the format is checked before the parameters and the statement is read. */
    private static Mono<ResponseEntity<Object>> statementAnswer(
            @Nullable String format, ServerWebExchange exchange, Supplier<Mono<InvestorStatement>> statement) {
        return Mono.fromCallable(() -> wantsCsv(format, exchange)).flatMap(csv -> statement
                .get()
                .map(read -> csv
                        ? csv(StatementCsv.of(read))
                        : ResponseEntity.ok().body((Object) StatementResponse.of(read))));
    }

    /** The ledger as JSON or CSV, the format checked first. */
    private static Mono<ResponseEntity<Object>> ledgerAnswer(
            @Nullable String format, ServerWebExchange exchange, Supplier<Mono<CampaignLedger>> ledger) {
        return Mono.fromCallable(() -> wantsCsv(format, exchange)).flatMap(csv -> ledger.get()
                .map(read ->
                        csv ? csv(StatementCsv.of(read)) : ResponseEntity.ok().body((Object) LedgerResponse.of(read))));
    }

    /** {@code format} wins over {@code Accept}; anything but json or csv is 400. */
    private static boolean wantsCsv(@Nullable String format, ServerWebExchange exchange) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "format must be json or csv");
        }
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(CSV) && !type.isWildcardType());
    }

    private static ResponseEntity<Object> csv(String body) {
        return ResponseEntity.ok().contentType(CSV).body(body);
    }
}
