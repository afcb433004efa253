package io.crowdrecon.recon.shared;

/**
 * The id of a campaign, {@code COL23456789ABCDEFGH} for example (shape: {@link IdPrefix#CAMPAIGN}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record CampaignId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.CAMPAIGN;

    public CampaignId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
