package io.crowdrecon.recon.shared;

/**
 * The id of a bank file, {@code BFL23456789ABCDEFGH} for example (shape: {@link IdPrefix#BANK_FILE}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record BankFileId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.BANK_FILE;

    public BankFileId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static BankFileId of(String value) {
        return new BankFileId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
