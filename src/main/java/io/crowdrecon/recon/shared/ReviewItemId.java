package io.crowdrecon.recon.shared;

/**
 * The id of a review item, {@code RI23456789ABCDEFGH} for example (shape: {@link IdPrefix#REVIEW_ITEM}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record ReviewItemId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.REVIEW_ITEM;

    public ReviewItemId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static ReviewItemId of(String value) {
        return new ReviewItemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
