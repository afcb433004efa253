package io.crowdrecon.recon.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Onboarding;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PortalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Ops onboarding: portals (their API key and webhook secret are answered once) and companies. */
@RestController
@RequestMapping("/api/v1/ops")
@Tag(name = ApiTags.ONBOARDING)
public class OpsOnboardingController {

    private final Onboarding onboarding;
    private final Portals portals;
    private final Companies companies;
    private final IdempotentRequests idempotency;
    private final OpsJournal journal;

    public OpsOnboardingController(
            Onboarding onboarding,
            Portals portals,
            Companies companies,
            IdempotentRequests idempotency,
            OpsJournal journal) {
        this.onboarding = onboarding;
        this.portals = portals;
        this.companies = companies;
        this.idempotency = idempotency;
        this.journal = journal;
    }

    @Schema(
            description = "A portal: investors pay to its collection IBAN (unique across portals), its fees go to its"
                    + " fee account. IBANs are validated and stored in electronic format.",
            requiredProperties = {"name", "collectionIban", "feeAccountIban"})
    public record CreatePortalRequest(
            @Schema(description = "At most 255 characters", example = "Crowd One") String name,
            @Schema(example = "IT60X0542811101000000123456") String collectionIban,
            @Schema(example = "DE89370400440532013000") String feeAccountIban,
            @Schema(
                            description = "Who holds the collection account (the bank or escrow holder), named as"
                                    + " creditor in the payment instructions investors see; 1 to 70 characters (a SEPA"
                                    + " name). Absent: the portal's name",
                            maxLength = 70,
                            example = "Banca Sella S.p.A.")
                    @Nullable
                    String collectionAccountHolder) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Portal",
            description = "A portal; apiKey and webhookSecret appear once, in the answer that creates it.",
            requiredProperties = {
                "portalId",
                "name",
                "collectionIban",
                "collectionAccountHolder",
                "feeAccountIban",
                "createdDatetime"
            })
    public record PortalResponse(
            String portalId,
            String name,
            String collectionIban,
            @Schema(
                            description =
                                    "The collection account's holder, the creditor investors pay: the portal's name"
                                            + " unless onboarding gave another")
                    String collectionAccountHolder,
            String feeAccountIban,
            Instant createdDatetime,
            @Schema(description = "The portal's API key (crk_…): shown once, only its SHA-256 is kept") @Nullable
                    String apiKey,
            @Schema(description = "Signs the card webhook (whsec_…): shown once") @Nullable String webhookSecret) {

        static PortalResponse of(Portal portal, @Nullable String apiKey, @Nullable String webhookSecret) {
            return new PortalResponse(
                    portal.portalId().value(),
                    portal.name(),
                    portal.collectionIban().value(),
                    portal.creditorName(),
                    portal.feeAccountIban().value(),
                    portal.createdAt(),
                    apiKey,
                    webhookSecret);
        }
    }

    @Schema(
            description = "A company raising money on one portal; its IBAN receives the cashouts.",
            requiredProperties = {"portalId", "name", "fiscalCode", "iban"})
    public record CreateCompanyRequest(
            String portalId,
            @Schema(description = "At most 255 characters", example = "ACME Srl") String name,
            @Schema(description = "At most 255 characters", example = "12345678903") String fiscalCode,
            @Schema(example = "IT60X0542811101000000123456") String iban) {}

    @Schema(
            name = "Company",
            requiredProperties = {"companyId", "portalId", "name", "fiscalCode", "iban", "createdDatetime"})
    public record CompanyResponse(
            String companyId, String portalId, String name, String fiscalCode, String iban, Instant createdDatetime) {

        static CompanyResponse of(Company company) {
            return new CompanyResponse(
                    company.companyId().value(),
                    company.portalId().value(),
                    company.name(),
                    company.fiscalCode(),
                    company.iban().value(),
                    company.createdAt());
        }
    }

    @PostMapping("/portals")
    @Operation(
            operationId = "createPortal",
            summary = "Onboard a portal",
            description = "Creates a portal and answers its API key and webhook secret, once: an idempotent replay"
                    + " answers 409 API_KEY_ALREADY_ISSUED.")
    @ApiResponse(
            responseCode = "201",
            description = "The portal with its secrets",
            content = @Content(schema = @Schema(implementation = PortalResponse.class)))
    @ApiErrors({ErrorCode.IBAN_IN_USE, ErrorCode.API_KEY_ALREADY_ISSUED})
    Mono<ResponseEntity<Object>> createPortal(
            @RequestBody CreatePortalRequest request, Caller caller, ServerWebExchange exchange) {
        // An idempotent replay must not show the secrets again: it answers 409 API_KEY_ALREADY_ISSUED.
        return idempotency.run(exchange, caller, request, false, () -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "createPortal", "Portal", null, null),
                        created -> created.portal().portalId().value(),
                        () -> onboarding.onboardPortal(
                                request.name(),
                                request.collectionIban(),
                                request.feeAccountIban(),
                                request.collectionAccountHolder()))
                .map(created -> ResponseEntity.created(URI.create(
                                "/api/v1/ops/portals/" + created.portal().portalId()))
                        .body(PortalResponse.of(created.portal(), created.apiKey(), created.webhookSecret()))));
    }

    @GetMapping("/portals/{portalId}")
    @Operation(operationId = "getPortal", summary = "Get a portal", description = "A portal, without its secrets.")
    Mono<PortalResponse> portal(@PathVariable String portalId) {
        return portals.byId(PortalId.of(portalId))
                .map(portal -> PortalResponse.of(portal, null, null))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId)));
    }

    @PostMapping("/companies")
    @Operation(
            operationId = "createCompany",
            summary = "Onboard a company",
            description = "Creates a company of one portal; the portal then opens campaigns for it.")
    @ApiResponse(
            responseCode = "201",
            description = "The company",
            content = @Content(schema = @Schema(implementation = CompanyResponse.class)))
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<ResponseEntity<Object>> createCompany(
            @RequestBody CreateCompanyRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "createCompany", "Company", null, null),
                        company -> company.companyId().value(),
                        () -> onboarding.onboardCompany(
                                request.portalId(), request.name(), request.fiscalCode(), request.iban()))
                .map(company -> ResponseEntity.created(URI.create("/api/v1/ops/companies/" + company.companyId()))
                        .body(CompanyResponse.of(company))));
    }

    @GetMapping("/companies/{companyId}")
    @Operation(operationId = "getCompany", summary = "Get a company", description = "A company of any portal.")
    Mono<CompanyResponse> company(@PathVariable String companyId) {
        return companies
                .byId(CompanyId.of(companyId))
                .map(CompanyResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Company", companyId)));
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
