package io.crowdrecon.recon.hold;

import static io.crowdrecon.recon.hold.HoldStatus.ACTIVE;
import static io.crowdrecon.recon.hold.HoldStatus.REFUSED;
import static io.crowdrecon.recon.hold.HoldStatus.RELEASED;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The compliance hold lifecycle as data: the only way a hold's status changes. Placing a hold ({@code ACTIVE}) is not a
 * transition and is not listed; an ended hold stays ended.
 */
public final class HoldTransitions {

    private static final TransitionTable<HoldStatus, HoldTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(ACTIVE), HoldTrigger.RELEASE, RELEASED),
            row(EnumSet.of(ACTIVE), HoldTrigger.REFUSE, REFUSED)));

    private HoldTransitions() {}

    /** The status {@code trigger} moves a hold in status {@code from} to; empty when the move is not allowed. */
    public static Optional<HoldStatus> next(HoldStatus from, HoldTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row that moves {@code hold} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when the table has no
     * such move.
     */
    public static Transition<HoldStatus, HoldTrigger> row(ComplianceHold hold, HoldTrigger trigger) {
        return TABLE.row("Compliance hold", hold.holdId().value(), hold.status(), trigger);
    }

    /** The one row of {@code trigger}. */
    public static Transition<HoldStatus, HoldTrigger> row(HoldTrigger trigger) {
        return TABLE.row(trigger);
    }

    /** The rows of the table. */
    public static List<Transition<HoldStatus, HoldTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<HoldStatus, HoldTrigger> row(Set<HoldStatus> from, HoldTrigger trigger, HoldStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
