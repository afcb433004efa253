package io.crowdrecon.recon.shared;

/**
 * The id of a named operator, {@code OPR23456789ABCDEFGH} for example (shape: {@link IdPrefix#OPERATOR}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record OperatorId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.OPERATOR;

    public OperatorId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static OperatorId of(String value) {
        return new OperatorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
