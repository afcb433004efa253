package io.crowdrecon.recon.review;

import static io.crowdrecon.recon.review.ReviewStatus.OPEN;
import static io.crowdrecon.recon.review.ReviewStatus.RESOLVED;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review item lifecycle of SPEC section 4 as data: the only way an item's status changes. Opening an item
 * ({@code OPEN}) is not a transition and is not listed. A resolved item stays resolved: resolving it again changes
 * nothing (the caller answers it as it is).
 */
public final class ReviewTransitions {

    private static final TransitionTable<ReviewStatus, ReviewTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(OPEN), ReviewTrigger.RESOLVED_BY_OPS, RESOLVED),
            row(EnumSet.of(OPEN), ReviewTrigger.CAUSE_FIXED, RESOLVED)));

    private ReviewTransitions() {}

    /** The status {@code trigger} moves an item in status {@code from} to; empty when the move is not allowed. */
    public static Optional<ReviewStatus> next(ReviewStatus from, ReviewTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row that moves {@code item} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when the table has no
     * such move.
     */
    public static Transition<ReviewStatus, ReviewTrigger> row(ReviewItem item, ReviewTrigger trigger) {
        return TABLE.row("Review item", item.reviewItemId().value(), item.status(), trigger);
    }

    /** The one row of {@code trigger}, for moving many items at once. */
    public static Transition<ReviewStatus, ReviewTrigger> row(ReviewTrigger trigger) {
        return TABLE.row(trigger);
    }

    /** The rows of the table. */
    public static List<Transition<ReviewStatus, ReviewTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<ReviewStatus, ReviewTrigger> row(
            Set<ReviewStatus> from, ReviewTrigger trigger, ReviewStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
