package io.crowdrecon.recon.paymentfile;

import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.ACCEPTED;
import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.CREATED;
import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.PARTIALLY_ACCEPTED;
import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.REJECTED;
import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.SENT;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The payment file lifecycle as data: the only way a file's status changes. Building a file ({@code CREATED}) is not a
 * transition and is not listed. The moves to {@code ACCEPTED}, {@code PARTIALLY_ACCEPTED} and {@code REJECTED} come from
 * the bank's pain.002 status report ({@code bankfile.StatusReportBooking}); {@code REJECTED} is final.
 */
public final class PaymentFileTransitions {

    private static final TransitionTable<PaymentFileStatus, PaymentFileTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(CREATED), PaymentFileTrigger.SEND, SENT),
            // A report may come before the feed said it took the file: the bank has it, then.
            row(EnumSet.of(CREATED, SENT), PaymentFileTrigger.REPORTED_ACCEPTED, ACCEPTED),
            // A later report may reject some transfers of a file an earlier one accepted.
            row(
                    EnumSet.of(CREATED, SENT, ACCEPTED),
                    PaymentFileTrigger.REPORTED_PARTIALLY_ACCEPTED,
                    PARTIALLY_ACCEPTED),
            row(EnumSet.of(CREATED, SENT), PaymentFileTrigger.REPORTED_REJECTED, REJECTED)));

    private PaymentFileTransitions() {}

    /** The status {@code trigger} moves a file in status {@code from} to; empty when the move is not allowed. */
    public static Optional<PaymentFileStatus> next(PaymentFileStatus from, PaymentFileTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row that moves {@code file} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when the table has no
     * such move.
     */
    public static Transition<PaymentFileStatus, PaymentFileTrigger> row(PaymentFile file, PaymentFileTrigger trigger) {
        return TABLE.row("Payment file", file.paymentFileId().value(), file.status(), trigger);
    }

    /** The rows of the table. */
    public static List<Transition<PaymentFileStatus, PaymentFileTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<PaymentFileStatus, PaymentFileTrigger> row(
            Set<PaymentFileStatus> from, PaymentFileTrigger trigger, PaymentFileStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
