package io.crowdrecon.recon.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Onboarding;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.DomainException;
import java.net.URI;
import java.time.Instant;
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
public class OpsOnboardingController {

    private final Onboarding onboarding;
    private final Portals portals;
    private final Companies companies;
    private final IdempotentRequests idempotency;

    public OpsOnboardingController(
            Onboarding onboarding, Portals portals, Companies companies, IdempotentRequests idempotency) {
        this.onboarding = onboarding;
        this.portals = portals;
        this.companies = companies;
        this.idempotency = idempotency;
    }

    public record CreatePortalRequest(String name, String collectionIban, String feeAccountIban) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PortalResponse(
            String portalId,
            String name,
            String collectionIban,
            String feeAccountIban,
            Instant createdDatetime,
            String apiKey,
            String webhookSecret) {

        static PortalResponse of(Portal portal, String apiKey, String webhookSecret) {
            return new PortalResponse(
                    portal.portalId(),
                    portal.name(),
                    portal.collectionIban().value(),
                    portal.feeAccountIban().value(),
                    portal.createdAt(),
                    apiKey,
                    webhookSecret);
        }
    }

    public record CreateCompanyRequest(String portalId, String name, String fiscalCode, String iban) {}

    public record CompanyResponse(
            String companyId, String portalId, String name, String fiscalCode, String iban, Instant createdDatetime) {

        static CompanyResponse of(Company company) {
            return new CompanyResponse(
                    company.companyId(),
                    company.portalId(),
                    company.name(),
                    company.fiscalCode(),
                    company.iban().value(),
                    company.createdAt());
        }
    }

    @PostMapping("/portals")
    Mono<ResponseEntity<Object>> createPortal(
            @RequestBody CreatePortalRequest request, Caller caller, ServerWebExchange exchange) {
        // An idempotent replay must not show the secrets again: it answers 409 API_KEY_ALREADY_ISSUED.
        return idempotency.run(exchange, caller, request, false, () -> onboarding
                .onboardPortal(request.name(), request.collectionIban(), request.feeAccountIban())
                .map(created -> ResponseEntity.created(URI.create(
                                "/api/v1/ops/portals/" + created.portal().portalId()))
                        .body(PortalResponse.of(created.portal(), created.apiKey(), created.webhookSecret()))));
    }

    @GetMapping("/portals/{portalId}")
    Mono<PortalResponse> portal(@PathVariable String portalId) {
        return portals.byId(portalId)
                .map(portal -> PortalResponse.of(portal, null, null))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId)));
    }

    @PostMapping("/companies")
    Mono<ResponseEntity<Object>> createCompany(
            @RequestBody CreateCompanyRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> onboarding
                .onboardCompany(request.portalId(), request.name(), request.fiscalCode(), request.iban())
                .map(company -> ResponseEntity.created(URI.create("/api/v1/ops/companies/" + company.companyId()))
                        .body(CompanyResponse.of(company))));
    }

    @GetMapping("/companies/{companyId}")
    Mono<CompanyResponse> company(@PathVariable String companyId) {
        return companies
                .byId(companyId)
                .map(CompanyResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Company", companyId)));
    }
}
