package io.crowdrecon.recon.shared;

/** The prefix of each kind of identifier (SPEC.md section 2). */
public enum IdPrefix {
    PORTAL("PRT"),
    COMPANY("USR"),
    CAMPAIGN("COL"),
    INVESTOR("INV"),
    MONEYIN("MI"),
    MONEYOUT("MO"),
    REFUND("MB"),
    UNIDENTIFIED_TRANSFER("UTR"),
    CASHOUT("CO"),
    PAYMENT_INSTRUCTION("PI"),
    REVIEW_ITEM("RI");

    private final String prefix;

    IdPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
