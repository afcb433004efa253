package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The portals, with the secrets that authenticate them. */
public interface Portals {

    /**
     * Stores a new portal. Errors with {@code DomainException(IBAN_IN_USE)} when another portal
     * already collects on the same IBAN.
     */
    Mono<Portal> add(Portal portal, byte[] apiKeyHash, String webhookSecret, PortalSettings settings);

    /** The portal's investor-protection settings, or empty for an unknown portal. */
    Mono<PortalSettings> settings(PortalId portalId);

    /** Replaces the portal's settings; emits them as stored, or empty for an unknown portal. */
    Mono<PortalSettings> replaceSettings(PortalId portalId, PortalSettings settings);

    /** The portal, or empty. */
    Mono<Portal> byId(PortalId portalId);

    /** The portal collecting on this IBAN, or empty. */
    Mono<Portal> byCollectionIban(Iban collectionIban);

    /** The portals collecting on any of these IBANs (as written; a string that is no IBAN matches none). */
    Flux<Portal> byCollectionIbans(Collection<String> collectionIbans);

    /** The secret that signs this portal's card webhooks, or empty for an unknown portal. */
    Mono<String> webhookSecret(PortalId portalId);
}
