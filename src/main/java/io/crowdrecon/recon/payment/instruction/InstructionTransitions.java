package io.crowdrecon.recon.payment.instruction;

import static io.crowdrecon.recon.payment.instruction.InstructionStatus.AWAITING_APPROVAL;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.CREATED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.EXECUTED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.FAILED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.ON_HOLD;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.SENT;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The payment instruction lifecycle of SPEC sections 4 and 5 as data: the only way an instruction's status changes.
 * Creation ({@code CREATED}, {@code AWAITING_APPROVAL} when {@link ReleasePolicy} asks, or {@code ON_HOLD} while no
 * destination is known) is not a transition and is not listed;
 * nor is a re-issue, which links a {@code FAILED} instruction to a new one and leaves its status as it is.
 *
 * <p>An instruction returned by the bank fails whatever it was but {@code FAILED}: also once {@code EXECUTED} (the bank
 * took it, then the money came back), and also {@code ON_HOLD} or {@code AWAITING_APPROVAL} (a credit naming an instruction that was never sent).
 * A move never leaves the status unchanged.
 */
public final class InstructionTransitions {

    private static final TransitionTable<InstructionStatus, InstructionTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(CREATED, SENT), InstructionTrigger.CONFIRMED_EXECUTED, EXECUTED),
            row(EnumSet.of(CREATED, SENT), InstructionTrigger.CONFIRMED_FAILED, FAILED),
            row(
                    EnumSet.of(CREATED, SENT, EXECUTED, ON_HOLD, AWAITING_APPROVAL),
                    InstructionTrigger.RETURNED_BY_BANK,
                    FAILED),
            row(EnumSet.of(CREATED), InstructionTrigger.FILE_SENT, SENT),
            row(EnumSet.of(ON_HOLD), InstructionTrigger.DESTINATION_GIVEN, CREATED),
            row(EnumSet.of(ON_HOLD), InstructionTrigger.DESTINATION_GIVEN_AWAITING_APPROVAL, AWAITING_APPROVAL),
            row(EnumSet.of(AWAITING_APPROVAL), InstructionTrigger.APPROVED, CREATED),
            row(EnumSet.of(AWAITING_APPROVAL), InstructionTrigger.APPROVAL_REJECTED, FAILED)));

    private InstructionTransitions() {}

    /** The status {@code trigger} moves an instruction in status {@code from} to; empty when the move is not allowed. */
    public static Optional<InstructionStatus> next(InstructionStatus from, InstructionTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row that moves {@code instruction} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when the table
     * has no such move.
     */
    public static Transition<InstructionStatus, InstructionTrigger> row(
            PaymentInstruction instruction, InstructionTrigger trigger) {
        return TABLE.row("Instruction", instruction.instructionId().value(), instruction.status(), trigger);
    }

    /** The one row of {@code trigger}, for moving many instructions at once. */
    public static Transition<InstructionStatus, InstructionTrigger> row(InstructionTrigger trigger) {
        return TABLE.row(trigger);
    }

    /** The rows of the table. */
    public static List<Transition<InstructionStatus, InstructionTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<InstructionStatus, InstructionTrigger> row(
            Set<InstructionStatus> from, InstructionTrigger trigger, InstructionStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
