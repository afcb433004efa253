package io.crowdrecon.recon.shared;

/**
 * The id of a moneyin (money received for an order), {@code MI23456789ABCDEFGH} for example (shape: {@link IdPrefix#MONEYIN}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record MoneyinId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.MONEYIN;

    public MoneyinId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static MoneyinId of(String value) {
        return new MoneyinId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
