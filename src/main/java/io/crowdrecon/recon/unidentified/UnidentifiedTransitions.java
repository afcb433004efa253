package io.crowdrecon.recon.unidentified;

import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RECEIVED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURNED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_FAILED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_REQUESTED;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unidentified transfer lifecycle of SPEC section 4 as data: the only way a transfer's status changes. Creation
 * ({@code RETURN_REQUESTED} with its return, or {@code RECEIVED} while the return is ON_HOLD) is not a transition and is
 * not listed.
 *
 * <p>Every trigger has one row: a transfer moves with its return instruction, whose lock the caller holds, and the
 * store guards its update with the row's {@code from}. A return that came back fails the transfer from wherever its
 * instruction was (sent, executed, or ON_HOLD), as {@code RETURNED_BY_BANK} fails the instruction. A move never leaves
 * the status unchanged.
 */
public final class UnidentifiedTransitions {

    private static final TransitionTable<UnidentifiedStatus, UnidentifiedTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(RETURN_REQUESTED), UnidentifiedTrigger.RETURN_EXECUTED, RETURNED),
            row(EnumSet.of(RETURN_REQUESTED), UnidentifiedTrigger.RETURN_FAILED, RETURN_FAILED),
            row(EnumSet.of(RECEIVED, RETURN_REQUESTED, RETURNED), UnidentifiedTrigger.RETURN_CAME_BACK, RETURN_FAILED),
            row(EnumSet.of(RETURN_FAILED), UnidentifiedTrigger.RETURN_REISSUED, RETURN_REQUESTED),
            row(EnumSet.of(RETURN_FAILED), UnidentifiedTrigger.RETURN_REISSUED_ON_HOLD, RECEIVED),
            row(EnumSet.of(RECEIVED), UnidentifiedTrigger.DESTINATION_GIVEN, RETURN_REQUESTED)));

    private UnidentifiedTransitions() {}

    /** The status {@code trigger} moves a transfer in status {@code from} to; empty when the move is not allowed. */
    public static Optional<UnidentifiedStatus> next(UnidentifiedStatus from, UnidentifiedTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /** The one row of {@code trigger}. */
    public static Transition<UnidentifiedStatus, UnidentifiedTrigger> row(UnidentifiedTrigger trigger) {
        return TABLE.row(trigger);
    }

    /** The rows of the table. */
    public static List<Transition<UnidentifiedStatus, UnidentifiedTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<UnidentifiedStatus, UnidentifiedTrigger> row(
            Set<UnidentifiedStatus> from, UnidentifiedTrigger trigger, UnidentifiedStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
