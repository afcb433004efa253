package io.crowdrecon.recon.operator;

/** The kinds of ops action a role may or may not take; every {@code /api/v1/ops} endpoint declares one. */
public enum OpsAction {
    /** Any read: lists, lookups, the event stream, the ops log. */
    READ,
    /** Resolve a review item. */
    RESOLVE_REVIEW_ITEMS,
    /** Re-issue a failed instruction, or give a held return its IBAN (both direct money anew). */
    REISSUE_INSTRUCTIONS,
    /** Upload a bank file (statement, notification). */
    UPLOAD_BANK_FILES,
    /** Build payment files (pain.001) and mark them sent to the bank. */
    TRANSMIT_PAYMENT_FILES,
    /** Put compliance holds on investors and orders, release or refuse them. */
    MANAGE_HOLDS,
    /** Approve or reject a payment awaiting approval. */
    APPROVE_PAYMENTS,
    /** Onboard portals and companies. */
    ONBOARD_PORTALS,
    /** Create operators, disable and re-enable them. */
    MANAGE_OPERATORS
}
