package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Operators onboard portals and their companies (SPEC.md section 1). */
public class Onboarding {

    private final Portals portals;
    private final Companies companies;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final PortalSettings defaults;

    /** @param defaults the settings a new portal starts with (the RECON_… environment variables) */
    public Onboarding(
            Portals portals,
            Companies companies,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            PortalSettings defaults) {
        this.portals = portals;
        this.companies = companies;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.defaults = defaults;
    }

    /** A portal whose collection account holder is its name. */
    public Mono<OnboardedPortal> onboardPortal(String name, String collectionIban, String feeAccountIban) {
        return onboardPortal(name, collectionIban, feeAccountIban, null);
    }

    /**
     * Creates a portal with a fresh 256-bit API key and webhook secret. Emits the portal with both
     * secrets; errors with VALIDATION_FAILED or IBAN_IN_USE.
     *
     * @param collectionAccountHolder optional, at most {@link Portal#MAX_HOLDER} characters (blank counts as absent);
     *     absent, the portal's name is the creditor
     */
    public Mono<OnboardedPortal> onboardPortal(
            String name, String collectionIban, String feeAccountIban, @Nullable String collectionAccountHolder) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String validName = v.text("name", name, true);
                    Iban collection = v.iban("collectionIban", collectionIban, true);
                    Iban fee = v.iban("feeAccountIban", feeAccountIban, true);
                    String holder =
                            v.text("collectionAccountHolder", collectionAccountHolder, false, Portal.MAX_HOLDER);
                    v.throwIfInvalid();
                    return new Portal(
                            ids.nextPortalId(),
                            v.checked(validName),
                            v.checked(collection),
                            v.checked(fee),
                            clock.instant(),
                            holder);
                })
                .flatMap(portal -> {
                    String apiKey = ApiKeys.newApiKey(random);
                    String webhookSecret = ApiKeys.newWebhookSecret(random);
                    return portals.add(portal, ApiKeys.sha256(apiKey), webhookSecret, defaults)
                            .map(saved -> new OnboardedPortal(saved, apiKey, webhookSecret));
                });
    }

    /** The portal's settings; errors with NOT_FOUND. */
    public Mono<PortalSettings> settings(PortalId portalId) {
        return portals.settings(portalId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId.value())));
    }

    /** Replaces the portal's settings, already validated; errors with NOT_FOUND. */
    public Mono<PortalSettings> replaceSettings(PortalId portalId, PortalSettings settings) {
        return portals.replaceSettings(portalId, settings)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId.value())));
    }

    /** Creates a company of an existing portal; errors with VALIDATION_FAILED or NOT_FOUND (portal). */
    public Mono<Company> onboardCompany(String portalId, String name, String fiscalCode, String iban) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String validPortalId = v.text("portalId", portalId, true);
                    String validName = v.text("name", name, true);
                    String validFiscalCode = v.text("fiscalCode", fiscalCode, true);
                    Iban validIban = v.iban("iban", iban, true);
                    v.throwIfInvalid();
                    return new Company(
                            ids.nextCompanyId(),
                            PortalId.of(v.checked(validPortalId)),
                            v.checked(validName),
                            v.checked(validFiscalCode),
                            v.checked(validIban),
                            clock.instant());
                })
                .flatMap(company -> portals.byId(company.portalId())
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId)))
                        .then(companies.add(company)));
    }
}
