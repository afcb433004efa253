package io.crowdrecon.recon.investor;

import org.jspecify.annotations.Nullable;

/**
 * An investor's profile as a portal submitted it, not yet validated: {@code type} is the text sent.
 * {@link InvestorRegistry} turns it into an {@link InvestorProfile} or refuses it listing every bad field.
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
        @Nullable String phone) {}
