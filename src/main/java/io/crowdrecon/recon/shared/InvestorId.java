package io.crowdrecon.recon.shared;

/**
 * The id of an investor, {@code INV23456789ABCDEFGH} for example (shape: {@link IdPrefix#INVESTOR}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record InvestorId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.INVESTOR;

    public InvestorId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static InvestorId of(String value) {
        return new InvestorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
