package io.crowdrecon.recon.bankfile;

import static io.crowdrecon.recon.bankfile.BankFileStatus.BOOKED;
import static io.crowdrecon.recon.bankfile.BankFileStatus.RECEIVED;
import static io.crowdrecon.recon.bankfile.BankFileStatus.REJECTED;

import io.crowdrecon.recon.bankfile.BankFiles.BankFile;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bank file lifecycle of SPEC section 9 (issue 15) as data: the only way a file's status changes. Registering a
 * file ({@code RECEIVED}) is not a transition and is not listed; nor is forgetting a {@code RECEIVED} file whose
 * statements another file booked meanwhile (its row is deleted). {@code BOOKED} and {@code REJECTED} are final.
 */
public final class BankFileTransitions {

    private static final TransitionTable<BankFileStatus, BankFileTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(RECEIVED), BankFileTrigger.BOOK, BOOKED),
            row(EnumSet.of(RECEIVED), BankFileTrigger.REJECT, REJECTED)));

    private BankFileTransitions() {}

    /** The status {@code trigger} moves a file in status {@code from} to; empty when the move is not allowed. */
    public static Optional<BankFileStatus> next(BankFileStatus from, BankFileTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row that moves {@code file} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when the table has no
     * such move.
     */
    public static Transition<BankFileStatus, BankFileTrigger> row(BankFile file, BankFileTrigger trigger) {
        return TABLE.row("Bank file", file.bankFileId().value(), file.status(), trigger);
    }

    /** The rows of the table. */
    public static List<Transition<BankFileStatus, BankFileTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<BankFileStatus, BankFileTrigger> row(
            Set<BankFileStatus> from, BankFileTrigger trigger, BankFileStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
