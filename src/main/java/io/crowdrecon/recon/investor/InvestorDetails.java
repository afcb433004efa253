package io.crowdrecon.recon.investor;

/**
 * An investor's profile as a portal submitted it, not yet validated: {@code type} is the text sent.
 * {@link InvestorRegistry} turns it into an {@link InvestorProfile} or refuses it listing every bad field.
 */
public record InvestorDetails(
        String type,
        String name,
        String surname,
        String businessName,
        String fiscalCode,
        String address,
        String postalCode,
        String city,
        String country,
        String email,
        String phone) {}
