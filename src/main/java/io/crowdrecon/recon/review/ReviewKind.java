package io.crowdrecon.recon.review;

/** What an operator has to look at (SPEC.md section 4). */
public enum ReviewKind {
    PAYER_MISMATCH,
    CHARGEBACK,
    CHARGEBACK_LOSS,
    INSTRUCTION_FAILED,
    UNEXPECTED_DEBIT,
    RECALL_AFTER_PAYOUT,
    FEED_CONFLICT,
    RETURN_IMPOSSIBLE,
    DLQ_CREDIT,
    CHANNEL_MISMATCH,
    /** A statement entry no notification told crowdrecon of: decided now, from the statement. */
    MISSED_NOTIFICATION,
    /** A credit crowdrecon decided that the account's statement lacks: its moneyouts are HELD. */
    NOT_ON_STATEMENT,
    /** A statement entry whose amount, currency or booking date differs from its notification's. */
    STATEMENT_MISMATCH,
    /** A statement that does not follow the account's previous one (balance or sequence number). */
    STATEMENT_GAP,
    /** A statement whose balances do not add up: nothing in it was booked. */
    STATEMENT_INVALID,
    /** An approver rejected a payment awaiting approval (with a note): the instruction is FAILED, to re-issue. */
    APPROVAL_REJECTED,
    /**
     * A CREATED bank transfer no SEPA pain.001 file can carry (not in euros, no collection account to debit, a creditor
     * IBAN or name the file cannot hold): it stays CREATED until fixed by hand; opened once per instruction.
     */
    PAYMENT_FILE_REFUSED,
    /**
     * A pain.002 status report naming a payment file or an instruction of it that is not ours, or answering a file
     * the bank already rejected as a whole: nothing was changed.
     */
    UNEXPECTED_STATUS_REPORT,
    /**
     * Ops put a compliance hold on an investor or an order: the money under it cannot reach the company until the hold
     * is released, and goes back to its payers if refused. Closed when the hold ends.
     */
    COMPLIANCE_HOLD,
    /**
     * A finalization waiting for its funds to clear was cancelled (a recall, a hold or another change to its orders):
     * the campaign is CLOSED again and the portal must finalize anew.
     */
    FINALIZATION_CANCELLED,
    /**
     * A portal's webhook endpoint failed every delivery for 3 days and was disabled: its deliveries wait until the
     * portal fixes and re-enables it. Opened once per disabling.
     */
    WEBHOOK_ENDPOINT_DISABLED
}
