package io.crowdrecon.recon.shared;

/**
 * The id of a portal (a crowdfunding platform, our client), {@code PRT23456789ABCDEFGH} for example (shape: {@link IdPrefix#PORTAL}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record PortalId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.PORTAL;

    public PortalId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static PortalId of(String value) {
        return new PortalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
