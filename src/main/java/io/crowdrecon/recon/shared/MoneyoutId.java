package io.crowdrecon.recon.shared;

/**
 * The id of a moneyout, {@code MO23456789ABCDEFGH} for example (shape: {@link IdPrefix#MONEYOUT}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record MoneyoutId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.MONEYOUT;

    public MoneyoutId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static MoneyoutId of(String value) {
        return new MoneyoutId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
