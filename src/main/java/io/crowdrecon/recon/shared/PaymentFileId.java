package io.crowdrecon.recon.shared;

/**
 * The id of a payment file (and its pain.001 {@code MsgId}), {@code PFL23456789ABCDEFGH} for example (shape: {@link IdPrefix#PAYMENT_FILE}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record PaymentFileId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.PAYMENT_FILE;

    public PaymentFileId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static PaymentFileId of(String value) {
        return new PaymentFileId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
