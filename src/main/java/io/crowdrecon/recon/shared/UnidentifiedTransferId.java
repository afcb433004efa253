package io.crowdrecon.recon.shared;

/**
 * The id of an unidentified transfer (a credit matched to no order), {@code UTR23456789ABCDEFGH} for example (shape: {@link IdPrefix#UNIDENTIFIED_TRANSFER}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record UnidentifiedTransferId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.UNIDENTIFIED_TRANSFER;

    public UnidentifiedTransferId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static UnidentifiedTransferId of(String value) {
        return new UnidentifiedTransferId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
