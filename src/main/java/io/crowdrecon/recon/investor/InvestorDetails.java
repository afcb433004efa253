package io.crowdrecon.recon.investor;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An investor's profile as a portal submitted it, not yet validated: {@code type} is the text sent.
 * {@link InvestorRegistry} turns it into an {@link InvestorProfile} or refuses it listing every bad field.
 *
 * @param classification the text sent; omitted means {@link InvestorClassification#NON_SOPHISTICATED}
 * @param netWorth the declared net worth in EUR, as sent
 */
public record InvestorDetails(
        @Nullable String type,
        @Nullable String name,
        @Nullable String surname,
        @Nullable String businessName,
        @Nullable String fiscalCode,
        @Nullable String address,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String classification,
        @Nullable BigDecimal netWorth) {

    /** Details without a classification or net worth (a non-sophisticated investor with none declared). */
    public InvestorDetails(
            @Nullable String type,
            @Nullable String name,
            @Nullable String surname,
            @Nullable String businessName,
            @Nullable String fiscalCode,
            @Nullable String address,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String email,
            @Nullable String phone) {
        this(
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
                null,
                null);
    }
}
