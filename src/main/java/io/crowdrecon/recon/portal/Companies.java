package io.crowdrecon.recon.portal;

import reactor.core.publisher.Mono;

/** The companies of every portal. */
public interface Companies {

    Mono<Company> add(Company company);

    /** The company if it belongs to {@code portalId}; empty otherwise (another portal's company does not exist). */
    Mono<Company> ofPortal(String portalId, String companyId);

    Mono<Company> byId(String companyId);
}
