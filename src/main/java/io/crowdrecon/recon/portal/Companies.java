package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.PortalId;
import reactor.core.publisher.Mono;

/** The companies of every portal. */
public interface Companies {

    Mono<Company> add(Company company);

    /** The company if it belongs to {@code portalId}; empty otherwise (another portal's company does not exist). */
    Mono<Company> ofPortal(PortalId portalId, CompanyId companyId);

    Mono<Company> byId(CompanyId companyId);
}
