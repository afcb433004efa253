package io.crowdrecon.recon.shared;

/**
 * The id of a company raising money through a portal, {@code USR23456789ABCDEFGH} for example (shape: {@link IdPrefix#COMPANY}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record CompanyId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.COMPANY;

    public CompanyId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static CompanyId of(String value) {
        return new CompanyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
