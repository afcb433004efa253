package io.crowdrecon.recon.investor;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a portal tells about an investor, validated: everything but its identity and timestamps. A PUT
 * replaces the whole profile. Every field but {@code type} is free text of at most 255 characters, null
 * when not given; a {@link InvestorType#NATURAL_PERSON} has a name and surname, a
 * {@link InvestorType#LEGAL_PERSON} a business name.
 *
 * @param classification decides the risk warning and the reflection period of its orders
 * @param netWorth declared net worth in EUR (at least 0, 2 decimals); null when not declared
 */
public record InvestorProfile(
        InvestorType type,
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
        InvestorClassification classification,
        @Nullable BigDecimal netWorth) {

    /** A {@link InvestorClassification#NON_SOPHISTICATED} profile with no net worth declared. */
    public InvestorProfile(
            InvestorType type,
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
                InvestorClassification.NON_SOPHISTICATED,
                null);
    }
}
