package io.crowdrecon.recon.investor;

/** Whether an investor is a person or an organisation; decides which names are required. */
public enum InvestorType {
    /** A human being: {@code name} and {@code surname} are required. */
    NATURAL_PERSON,
    /** A company, foundation or other organisation: {@code businessName} is required. */
    LEGAL_PERSON
}
