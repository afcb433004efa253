package io.crowdrecon.recon.bankfile;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One exception a statement's reconciliation found once the statement ended: a review item for the integration to open,
 * of {@link #kind()}.
 *
 * @param kind the review item's kind
 * @param subjectId what the review item is about: the books' notification id of a credit not on the statement, our
 *     instruction id, the statement id; null when it is about several entries
 * @param amount the money concerned, in the statement's currency; null when the break is not about an amount
 * @param explains how much of the statement's {@code difference} (bank closing − expected closing) it accounts for,
 *     signed; 0 when none
 * @param detail for an operator: what differs, and where
 */
public record StatementBreak(
        Kind kind, @Nullable String subjectId, @Nullable BigDecimal amount, BigDecimal explains, String detail) {

    public StatementBreak {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explains, "explains");
        Objects.requireNonNull(detail, "detail");
    }

    /** The review item kinds of issue 19 that a statement's end can open. */
    public enum Kind {
        /** A credit the books decided for the account and period that the statement lacks. */
        NOT_ON_STATEMENT,
        /** The statement and the books disagree on a booking (our executed instructions, dates, batches). */
        STATEMENT_MISMATCH,
        /** The statement does not follow the account's previous one (balance, sequence number, date). */
        STATEMENT_GAP
    }
}
