package io.crowdrecon.recon.investor.web;

import io.crowdrecon.recon.investor.Investor;
import io.crowdrecon.recon.investor.InvestorClassification;
import io.crowdrecon.recon.investor.InvestorDetails;
import io.crowdrecon.recon.investor.InvestorProfile;
import io.crowdrecon.recon.investor.InvestorRegistry;
import io.crowdrecon.recon.investor.InvestorType;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A portal's investors: register, replace the profile, read. Every query is scoped to the calling portal. */
@RestController
@RequestMapping("/api/v1/investors")
@Tag(name = ApiTags.INVESTORS)
public class InvestorController {

    private final InvestorRegistry registry;
    private final IdempotentRequests idempotency;

    public InvestorController(InvestorRegistry registry, IdempotentRequests idempotency) {
        this.registry = registry;
        this.idempotency = idempotency;
    }

    @Schema(
            description = "An investor: a NATURAL_PERSON needs name and surname, a LEGAL_PERSON businessName. Free"
                    + " text of at most 255 characters.",
            requiredProperties = {"type"})
    public record InvestorRequest(
            @Schema(example = "Mario") String name,
            @Schema(example = "Rossi") String surname,
            String businessName,
            @Schema(example = "RSSMRA80A01H501U") String fiscalCode,
            @Schema(implementation = InvestorType.class) String type,
            String address,
            String postalCode,
            String city,
            @Schema(description = "ISO 3166-1 alpha-2", example = "IT") String country,
            @Schema(format = "email", example = "mario.rossi@example.com") String email,
            String phone,
            @Schema(
                            implementation = InvestorClassification.class,
                            description = "Omitted: NON_SOPHISTICATED (risk warning above the threshold, orders"
                                    + " revocable within the reflection period)")
                    @Nullable
                    String classification,
            @Schema(
                            description = "Declared net worth in EUR, at least 0 with at most 2 decimals; sets the"
                                    + " risk-warning threshold to the higher of 1,000 and 5 % of it",
                            example = "30000.00")
                    @Nullable
                    BigDecimal netWorth) {

        InvestorDetails details() {
            return new InvestorDetails(
                    type,
                    name,
                    surname,
                    businessName,
                    fiscalCode,
                    address,
                    postalCode,
                    city,
                    country,
                    email,
                    phone,
                    classification,
                    netWorth);
        }
    }

    @Schema(
            name = "Investor",
            requiredProperties = {"investorId", "type", "classification", "createdDatetime", "updatedDatetime"})
    public record InvestorResponse(
            String investorId,
            @Nullable String name,
            @Nullable String surname,
            @Nullable String businessName,
            @Nullable String fiscalCode,
            @Schema(implementation = InvestorType.class) String type,
            @Nullable String address,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String email,
            @Nullable String phone,
            @Schema(implementation = InvestorClassification.class) String classification,
            @Schema(description = "EUR; null when not declared") @Nullable BigDecimal netWorth,
            Instant createdDatetime,
            Instant updatedDatetime) {

        public static InvestorResponse of(Investor investor) {
            InvestorProfile profile = investor.profile();
            return new InvestorResponse(
                    investor.investorId().value(),
                    profile.name(),
                    profile.surname(),
                    profile.businessName(),
                    profile.fiscalCode(),
                    profile.type().name(),
                    profile.address(),
                    profile.postalCode(),
                    profile.city(),
                    profile.country(),
                    profile.email(),
                    profile.phone(),
                    profile.classification().name(),
                    profile.netWorth(),
                    investor.createdAt(),
                    investor.updatedAt());
        }
    }

    @PostMapping
    @Operation(
            operationId = "createInvestor",
            summary = "Register an investor",
            description = "Registers one of the portal's investors.")
    @ApiResponse(
            responseCode = "201",
            description = "The investor",
            content = @Content(schema = @Schema(implementation = InvestorResponse.class)))
    Mono<ResponseEntity<Object>> register(
            @RequestBody InvestorRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> registry.register(
                        caller.portalIdOrFail(), request.details())
                .map(investor -> ResponseEntity.created(URI.create("/api/v1/investors/" + investor.investorId()))
                        .body(InvestorResponse.of(investor))));
    }

    @PutMapping("/{investorId}")
    @Operation(
            operationId = "updateInvestor",
            summary = "Replace an investor's profile",
            description = "Replaces every field of the investor's profile.")
    Mono<InvestorResponse> replace(
            @PathVariable String investorId, @RequestBody InvestorRequest request, Caller caller) {
        return registry.replace(caller.portalIdOrFail(), investorId, request.details())
                .map(InvestorResponse::of);
    }

    @GetMapping("/{investorId}")
    @Operation(operationId = "getInvestor", summary = "Get an investor", description = "One of the portal's investors.")
    Mono<InvestorResponse> investor(@PathVariable String investorId, Caller caller) {
        return registry.find(caller.portalIdOrFail(), investorId).map(InvestorResponse::of);
    }
}
