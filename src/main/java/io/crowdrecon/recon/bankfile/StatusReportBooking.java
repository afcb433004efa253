package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.PaymentInformationStatus;
import io.crowdrecon.recon.bankfile.BankFileItem.StatusReport;
import io.crowdrecon.recon.bankfile.BankFileItem.TransactionStatus;
import io.crowdrecon.recon.bankfile.StatusAnswers.Accepted;
import io.crowdrecon.recon.bankfile.StatusAnswers.Answer;
import io.crowdrecon.recon.bankfile.StatusAnswers.FileOutcome;
import io.crowdrecon.recon.bankfile.StatusAnswers.Level;
import io.crowdrecon.recon.bankfile.StatusAnswers.Rejected;
import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.paymentfile.CarriedInstruction;
import io.crowdrecon.recon.paymentfile.PaymentFile;
import io.crowdrecon.recon.paymentfile.PaymentFileStatus;
import io.crowdrecon.recon.paymentfile.PaymentFileTransitions;
import io.crowdrecon.recon.paymentfile.PaymentFileTrigger;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Books one pain.002 status report, item by item, inside the caller's transaction: each answer to an instruction of the
 * payment file it names takes the path of the bank's DEBIT ({@code ACCP}/{@code ACSC}/… → EXECUTED, {@code RJCT} →
 * FAILED with its reason, an {@code INSTRUCTION_FAILED} review item and the re-issue), under the notification id
 * {@code PSR:<report MsgId>:<EndToEndId>}, so that the same report again changes nothing; the file's status follows
 * ({@link StatusAnswers}). A report naming a file or an instruction that is not ours, or answering a file the bank
 * rejected as a whole, changes nothing and opens {@code UNEXPECTED_STATUS_REPORT}.
 */
final class StatusReportBooking {

    private final StatementBookings with;
    private final String reportId;
    private @Nullable PaymentFile file;
    private boolean ignored;
    private Level group = Level.NONE;
    private Level block = Level.NONE;
    private final Map<String, CarriedInstruction> carried = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    private long accepted;
    private long rejected;

    StatusReportBooking(StatementBookings with, String reportId) {
        this.with = with;
        this.reportId = reportId;
    }

    Mono<Void> take(List<BankFileItem> chunk) {
        return Flux.fromIterable(chunk).concatMap(this::take, 1).then();
    }

    private Mono<Void> take(BankFileItem item) {
        if (item instanceof StatusReport report) {
            return start(report);
        }
        if (ignored) {
            return Mono.empty();
        }
        if (item instanceof PaymentInformationStatus status) {
            block = new Level(status.status(), status.reasons());
            return Mono.empty();
        }
        if (item instanceof TransactionStatus transaction) {
            return answer(transaction);
        }
        return Mono.empty(); // the file header: the survey has it
    }

    private Mono<Void> start(StatusReport report) {
        group = new Level(report.groupStatus(), report.reasons());
        return with.paymentFiles
                .lock(PaymentFileId.of(report.originalMessageId()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(maybe -> {
                    if (maybe.isEmpty()) {
                        ignored = true;
                        return unexpected(
                                report.originalMessageId(),
                                "pain.002 " + reportId + " answers message " + report.originalMessageId()
                                        + ", which is no payment file of ours",
                                "");
                    }
                    PaymentFile found = maybe.get();
                    if (found.status() == PaymentFileStatus.REJECTED) {
                        ignored = true;
                        return unexpected(
                                found.paymentFileId().value(),
                                "pain.002 " + reportId + " answers payment file " + found.paymentFileId()
                                        + ", which the bank rejected as a whole before",
                                "");
                    }
                    file = found;
                    return with.paymentFiles
                            .carried(found.paymentFileId())
                            .doOnNext(i -> carried.put(i.instructionId().value(), i))
                            .then();
                });
    }

    private Mono<Void> answer(TransactionStatus transaction) {
        String endToEnd = transaction.originalEndToEndId() != null
                ? transaction.originalEndToEndId()
                : transaction.originalInstructionId();
        CarriedInstruction instruction = endToEnd == null ? null : carried.get(endToEnd);
        if (instruction == null) {
            return unexpected(
                    endToEnd,
                    "pain.002 " + reportId + " answers transfer " + (endToEnd == null ? "without an id" : endToEnd)
                            + " (" + transaction.status() + "), which payment file "
                            + fileId() + " does not carry",
                    ":" + transaction.index());
        }
        answered.add(endToEnd);
        return apply(
                instruction, StatusAnswers.of(new Level(transaction.status(), transaction.reasons()), block, group));
    }

    /** The instructions the report did not name take its block's or group's status; the file's status follows. */
    Mono<Void> end() {
        PaymentFile answeredFile = file;
        if (ignored || answeredFile == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(carried.values())
                .filter(i -> !answered.contains(i.instructionId().value()))
                .concatMap(i -> apply(i, StatusAnswers.of(Level.NONE, block, group)), 1)
                .then(Mono.defer(() -> moveFile(answeredFile)));
    }

    private Mono<Void> apply(CarriedInstruction instruction, Answer answer) {
        if (answer instanceof Accepted) {
            accepted++;
            return with.debits.apply(debit(instruction, InstructionStatus.EXECUTED, null));
        }
        if (answer instanceof Rejected r) {
            rejected++;
            return with.debits.apply(debit(instruction, InstructionStatus.FAILED, r.reason()));
        }
        return Mono.empty(); // not final: a later report answers
    }

    private BankDebit debit(CarriedInstruction instruction, InstructionStatus status, @Nullable String reason) {
        String id = instruction.instructionId().value();
        return new BankDebit(
                "PSR:" + reportId + ":" + id,
                id,
                status,
                null,
                instruction.amount(),
                instruction.currency(),
                null,
                reason);
    }

    private Mono<Void> moveFile(PaymentFile answeredFile) {
        // A report that answered none of our transfers finally (only pending ones, or only strangers) moves nothing.
        FileOutcome outcome = FileOutcome.of(accepted, rejected).orElse(null);
        if (outcome == null) {
            return Mono.empty();
        }
        if ("PART".equals(group.status())) {
            outcome = FileOutcome.PARTIALLY_ACCEPTED; // the bank says some transfers were rejected
        }
        PaymentFileTrigger trigger =
                switch (outcome) {
                    case ACCEPTED -> PaymentFileTrigger.REPORTED_ACCEPTED;
                    case PARTIALLY_ACCEPTED -> PaymentFileTrigger.REPORTED_PARTIALLY_ACCEPTED;
                    case REJECTED -> PaymentFileTrigger.REPORTED_REJECTED;
                };
        // A later report saying what an earlier one said moves nothing; one the table does not allow (an accepted
        // file reported rejected) leaves the file as it is: its instructions carry each answer.
        return PaymentFileTransitions.next(answeredFile.status(), trigger).isEmpty()
                ? Mono.empty()
                : with.paymentFiles.reported(
                        answeredFile.paymentFileId(), PaymentFileTransitions.row(answeredFile, trigger));
    }

    private String fileId() {
        PaymentFile answeredFile = file;
        return answeredFile == null ? "?" : answeredFile.paymentFileId().value();
    }

    private Mono<Void> unexpected(@Nullable String subject, String detail, String key) {
        ReviewItem item = ReviewItem.open(
                        with.ids.nextReviewItemId(),
                        ReviewKind.UNEXPECTED_STATUS_REPORT,
                        null,
                        null,
                        subject,
                        detail + "; nothing was changed",
                        with.clock.instant())
                .withDedupeKey("UNEXPECTED_STATUS_REPORT:" + reportId + key);
        return with.reviewItems.addAll(List.of(item));
    }
}
