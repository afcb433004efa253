package io.crowdrecon.recon.shared;

/**
 * The id of a cashout (what a successful campaign pays out), {@code CO23456789ABCDEFGH} for example (shape: {@link IdPrefix#CASHOUT}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record CashoutId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.CASHOUT;

    public CashoutId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static CashoutId of(String value) {
        return new CashoutId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
