package io.crowdrecon.recon.investor;

import io.crowdrecon.recon.shared.CountryCode;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Portals register their investors, replace their profiles and read them back (SPEC.md section 7). */
public class InvestorRegistry {

    /**
     * A sane email shape, not RFC 5322 in full: a local part of 1 to 64 characters, one {@code @}, a domain
     * of dot-separated non-empty labels ending in a label of at least 2 characters; no spaces or controls.
     */
    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@(?:[^\\s@.\\p{Cntrl}]+\\.)+[^\\s@.\\p{Cntrl}]{2,}");

    private final Investors investors;
    private final IdGenerator ids;
    private final Clock clock;

    public InvestorRegistry(Investors investors, IdGenerator ids, Clock clock) {
        this.investors = investors;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Registers a new investor of {@code portalId}. Emits it as stored; errors with VALIDATION_FAILED listing
     * every bad field.
     */
    public Mono<Investor> register(PortalId portalId, InvestorDetails details) {
        return Mono.fromCallable(() -> validated(details))
                .map(profile -> newInvestor(portalId, profile))
                .flatMap(investors::add);
    }

    /**
     * Replaces every field of an investor of {@code portalId}. Emits the investor as now stored; errors with
     * VALIDATION_FAILED listing every bad field, or NOT_FOUND when the portal has no such investor (another
     * portal's investor included).
     */
    public Mono<Investor> replace(PortalId portalId, String investorId, InvestorDetails details) {
        return Mono.fromCallable(() -> validated(details))
                .flatMap(profile ->
                        investors.replaceProfile(portalId, InvestorId.of(investorId), profile, clock.instant()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Investor", investorId)));
    }

    /** The investor of {@code portalId}; errors with NOT_FOUND when absent or another portal's. */
    public Mono<Investor> find(PortalId portalId, String investorId) {
        return investors
                .ofPortal(portalId, InvestorId.of(investorId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Investor", investorId)));
    }

    private Investor newInvestor(PortalId portalId, InvestorProfile profile) {
        Instant now = clock.instant();
        return new Investor(ids.nextInvestorId(), portalId, profile, now, now);
    }

    /**
     * The profile, or a VALIDATION_FAILED DomainException naming every bad field. Which names are required
     * depends on the type; when the type itself is missing or unknown only the type is reported for them.
     */
    static InvestorProfile validated(InvestorDetails details) {
        Validation v = Validation.start();
        InvestorType type = v.oneOf("type", details.type(), InvestorType.class, true);
        boolean naturalPerson = type == InvestorType.NATURAL_PERSON;
        boolean legalPerson = type == InvestorType.LEGAL_PERSON;
        String name = v.text("name", details.name(), naturalPerson);
        String surname = v.text("surname", details.surname(), naturalPerson);
        String businessName = v.text("businessName", details.businessName(), legalPerson);
        String fiscalCode = v.text("fiscalCode", details.fiscalCode(), false);
        String address = v.text("address", details.address(), false);
        String postalCode = v.text("postalCode", details.postalCode(), false);
        String city = v.text("city", details.city(), false);
        String country = country(v, details.country());
        String email = email(v, details.email());
        String phone = v.text("phone", details.phone(), false);
        InvestorClassification classification =
                v.oneOf("classification", details.classification(), InvestorClassification.class, false);
        BigDecimal netWorth = v.nonNegativeAmount("netWorth", details.netWorth(), false);
        v.throwIfInvalid();
        return new InvestorProfile(
                v.checked(type),
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
                classification == null ? InvestorClassification.NON_SOPHISTICATED : classification,
                netWorth == null ? null : netWorth.setScale(2));
    }

    /** Optional; when given, an ISO 3166-1 alpha-2 code in upper case. */
    private static @Nullable String country(Validation v, @Nullable String value) {
        String country = v.text("country", value, false);
        if (country != null && !CountryCode.isIsoAlpha2(country)) {
            v.add("country", "must be an ISO 3166-1 alpha-2 country code in upper case, such as IT or DE");
            return null;
        }
        return country;
    }

    private static @Nullable String email(Validation v, @Nullable String value) {
        String email = v.text("email", value, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.add("email", "must be an email address such as name@example.com");
            return null;
        }
        return email;
    }
}
