package io.crowdrecon.recon.investor.web;

import io.crowdrecon.recon.investor.Investor;
import io.crowdrecon.recon.investor.InvestorDetails;
import io.crowdrecon.recon.investor.InvestorProfile;
import io.crowdrecon.recon.investor.InvestorRegistry;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import java.net.URI;
import java.time.Instant;
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
public class InvestorController {

    private final InvestorRegistry registry;
    private final IdempotentRequests idempotency;

    public InvestorController(InvestorRegistry registry, IdempotentRequests idempotency) {
        this.registry = registry;
        this.idempotency = idempotency;
    }

    public record InvestorRequest(
            String name,
            String surname,
            String businessName,
            String fiscalCode,
            String type,
            String address,
            String postalCode,
            String city,
            String country,
            String email,
            String phone) {

        InvestorDetails details() {
            return new InvestorDetails(
                    type, name, surname, businessName, fiscalCode, address, postalCode, city, country, email, phone);
        }
    }

    public record InvestorResponse(
            String investorId,
            String name,
            String surname,
            String businessName,
            String fiscalCode,
            String type,
            String address,
            String postalCode,
            String city,
            String country,
            String email,
            String phone,
            Instant createdDatetime,
            Instant updatedDatetime) {

        public static InvestorResponse of(Investor investor) {
            InvestorProfile profile = investor.profile();
            return new InvestorResponse(
                    investor.investorId(),
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
                    investor.createdAt(),
                    investor.updatedAt());
        }
    }

    @PostMapping
    Mono<ResponseEntity<Object>> register(
            @RequestBody InvestorRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> registry.register(
                        caller.portalId(), request.details())
                .map(investor -> ResponseEntity.created(URI.create("/api/v1/investors/" + investor.investorId()))
                        .body(InvestorResponse.of(investor))));
    }

    @PutMapping("/{investorId}")
    Mono<InvestorResponse> replace(
            @PathVariable String investorId, @RequestBody InvestorRequest request, Caller caller) {
        return registry.replace(caller.portalId(), investorId, request.details())
                .map(InvestorResponse::of);
    }

    @GetMapping("/{investorId}")
    Mono<InvestorResponse> investor(@PathVariable String investorId, Caller caller) {
        return registry.find(caller.portalId(), investorId).map(InvestorResponse::of);
    }
}
