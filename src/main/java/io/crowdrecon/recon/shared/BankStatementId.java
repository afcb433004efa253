package io.crowdrecon.recon.shared;

/**
 * The id of a bank statement, {@code BST23456789ABCDEFGH} for example (shape: {@link IdPrefix#BANK_STATEMENT}). Holds any non-blank value: see {@link Ids} for why
 * the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record BankStatementId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.BANK_STATEMENT;

    public BankStatementId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static BankStatementId of(String value) {
        return new BankStatementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
