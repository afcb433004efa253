package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.FourEyes;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.refund.Refunds;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.shared.Validation;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Operators fixing money that could not go out: re-issuing a FAILED instruction (optionally to
 * another IBAN) as a new, linked one, and giving an ON_HOLD return or refund its destination; and approvers letting an
 * instruction AWAITING_APPROVAL go, or rejecting it (four eyes, {@link ReleasePolicy}, {@code operator.FourEyes}).
 * An instruction is announced to the bank or gateway ({@code requested}) only once it is CREATED.
 */
public class InstructionDesk {

    private final PaymentInstructions instructions;
    private final UnidentifiedTransfers unidentified;
    private final Refunds refunds;
    private final ReviewItems reviewItems;
    private final ReleasePolicy approval;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public InstructionDesk(
            PaymentInstructions instructions,
            UnidentifiedTransfers unidentified,
            Refunds refunds,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.instructions = instructions;
        this.unidentified = unidentified;
        this.refunds = refunds;
        this.reviewItems = reviewItems;
        this.approval = approval;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@code PUT /ops/instructions/{id}/reissued}: a FAILED instruction is re-issued as a new one
     * linked to it (to {@code iban} when given); an ON_HOLD one gets {@code iban} as its
     * destination. Emits the instruction now current. Errors: NOT_FOUND, VALIDATION_FAILED,
     * ILLEGAL_TRANSITION (not FAILED or ON_HOLD, or already re-issued).
     */
    public Mono<PaymentInstruction> reissue(InstructionId instructionId, @Nullable String iban, Actor operator) {
        // defer, not fromCallable: no IBAN (null) is a valid request, not an empty answer.
        return Mono.defer(() -> {
            Iban destination = optionalIban(iban);
            return transactions.inTransaction(() -> instructions
                    .lock(instructionId)
                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId.value())))
                    .flatMap(instruction -> switch (instruction.status()) {
                        case FAILED -> reissueFailed(instruction, destination, operator);
                        case ON_HOLD -> {
                            Validation v = Validation.start();
                            if (destination == null) {
                                v.add("iban", "is required to release an ON_HOLD instruction");
                            }
                            v.throwIfInvalid();
                            yield release(instruction, v.checked(destination), operator);
                        }
                        default ->
                            Mono.error(new DomainException(
                                    ErrorCode.ILLEGAL_TRANSITION,
                                    "Instruction "
                                            + instructionId.value() + " is " + instruction.status()
                                            + "; only a FAILED or ON_HOLD instruction can be re-issued"));
                    }));
        });
    }

    /**
     * {@code PUT /ops/unidentified-transfers/{id}/return-iban}: gives the ON_HOLD return of an
     * unidentified transfer its destination; the transfer becomes RETURN_REQUESTED.
     */
    public Mono<UnidentifiedTransfer> giveReturnIban(
            UnidentifiedTransferId unidentifiedTransferId, String iban, Actor operator) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    Iban valid = v.iban("iban", iban, true);
                    v.throwIfInvalid();
                    return valid;
                })
                .flatMap(destination -> transactions.inTransaction(() -> unidentified
                        .byId(unidentifiedTransferId)
                        .switchIfEmpty(Mono.error(() ->
                                DomainException.notFound("Unidentified transfer", unidentifiedTransferId.value())))
                        .flatMap(transfer -> instructions
                                .ofUnidentifiedTransfer(unidentifiedTransferId)
                                .filter(i -> i.status() == InstructionStatus.ON_HOLD)
                                .next()
                                .switchIfEmpty(Mono.error(() -> new DomainException(
                                        ErrorCode.ILLEGAL_TRANSITION,
                                        "The return of " + unidentifiedTransferId.value()
                                                + " is not ON_HOLD (transfer is " + transfer.status() + ")")))
                                .flatMap(instruction -> instructions.lock(instruction.instructionId()))
                                .flatMap(instruction -> release(instruction, destination, operator))
                                .then(unidentified.byId(unidentifiedTransferId)))));
    }

    private Mono<PaymentInstruction> reissueFailed(
            PaymentInstruction failed, @Nullable Iban destination, Actor operator) {
        if (failed.reissuedAs() != null) {
            return Mono.error(new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "Instruction " + failed.instructionId() + " was already re-issued as " + failed.reissuedAs()));
        }
        Instant now = clock.instant();
        boolean toBank = destination != null || failed.channel() == PaymentChannel.BANK_TRANSFER;
        String creditorIban = destination != null ? destination.value() : failed.creditorIban();
        // Re-issues follow the approval rule; the operator who re-issues may not approve the new one.
        InstructionStatus status =
                approval.initialStatus(failed.type(), failed.money(), !toBank || creditorIban != null);
        PaymentInstruction reissued = PaymentInstruction.create(
                        ids.nextInstructionId(),
                        failed.type(),
                        toBank ? PaymentChannel.BANK_TRANSFER : PaymentChannel.CARD,
                        status,
                        failed.amount(),
                        failed.currency(),
                        toBank ? creditorIban : null,
                        failed.creditorName(),
                        toBank ? null : failed.pspReference(),
                        failed.remittanceInformation(),
                        failed.portalId(),
                        failed.orderId(),
                        failed.unidentifiedTransferId(),
                        failed.campaignId(),
                        failed.refundId(),
                        failed.cashoutId(),
                        failed.instructionId(),
                        now)
                .causedBy(operator.operatorId());
        Mono<Void> transfer = failed.unidentifiedTransferId() == null
                ? Mono.empty()
                : unidentified.moveAll(
                        List.of(failed.unidentifiedTransferId()),
                        UnidentifiedTransitions.row(
                                status == InstructionStatus.ON_HOLD
                                        ? UnidentifiedTrigger.RETURN_REISSUED_ON_HOLD
                                        : UnidentifiedTrigger.RETURN_REISSUED),
                        now);
        return instructions
                .markReissued(failed.instructionId(), reissued.instructionId(), now)
                .flatMap(marked -> marked
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("instruction changed under its lock")))
                .then(instructions.addAll(List.of(reissued)))
                .then(refunds.replaceInstruction(failed.instructionId(), reissued.instructionId()))
                .then(transfer)
                .then(reviewItems.moveAll(
                        ReviewKind.INSTRUCTION_FAILED,
                        failed.instructionId().value(),
                        ReviewTransitions.row(ReviewTrigger.CAUSE_FIXED),
                        "Re-issued as " + reissued.instructionId().value(),
                        now))
                .then(reviewItems.moveAll(
                        ReviewKind.APPROVAL_REJECTED,
                        failed.instructionId().value(),
                        ReviewTransitions.row(ReviewTrigger.CAUSE_FIXED),
                        "Re-issued as " + reissued.instructionId().value(),
                        now))
                .then(announceIfCreated(reissued));
    }

    private Mono<PaymentInstruction> release(PaymentInstruction onHold, Iban destination, Actor operator) {
        Instant now = clock.instant();
        Mono<Void> transfer = onHold.unidentifiedTransferId() == null
                ? Mono.empty()
                : unidentified.moveAll(
                        List.of(onHold.unidentifiedTransferId()),
                        UnidentifiedTransitions.row(UnidentifiedTrigger.DESTINATION_GIVEN),
                        now);
        return instructions
                .setDestination(
                        onHold.instructionId(),
                        InstructionTransitions.row(onHold, approval.releaseTrigger(onHold)),
                        destination.value(),
                        operator.operatorId(),
                        now)
                .then(transfer)
                .then(reviewItems.moveAll(
                        ReviewKind.RETURN_IMPOSSIBLE,
                        onHold.unidentifiedTransferId() == null
                                ? onHold.instructionId().value()
                                : onHold.unidentifiedTransferId().value(),
                        ReviewTransitions.row(ReviewTrigger.CAUSE_FIXED),
                        "Destination given: " + destination.value(),
                        now))
                .then(instructions.byId(onHold.instructionId()))
                .flatMap(this::announceIfCreated);
    }

    /**
     * {@code PUT /ops/instructions/{id}/approved}: an instruction AWAITING_APPROVAL becomes CREATED and is announced to
     * the bank or gateway, in one transaction. Errors: NOT_FOUND; FORBIDDEN (a role that may not approve); FOUR_EYES
     * (the approver caused it); ILLEGAL_TRANSITION (not awaiting approval, or another approver was first).
     */
    public Mono<PaymentInstruction> approve(InstructionId instructionId, Actor approver, @Nullable String note) {
        return transactions.inTransaction(() -> decidable(instructionId, approver, InstructionTrigger.APPROVED)
                .flatMap(row -> instructions
                        .approve(instructionId, row, approver.operatorId(), note, clock.instant())
                        .flatMap(won -> won ? instructions.byId(instructionId) : Mono.error(raced(instructionId)))
                        .flatMap(this::announceIfCreated)));
    }

    /**
     * {@code PUT /ops/instructions/{id}/rejected}: an instruction AWAITING_APPROVAL becomes FAILED (reason
     * {@code APPROVAL_REJECTED}) with an {@code APPROVAL_REJECTED} review item; no money moves. The return of an
     * unidentified transfer follows it to RETURN_FAILED; a re-issue ({@link #reissue}) is the way on. Errors as
     * {@link #approve}.
     */
    public Mono<PaymentInstruction> reject(InstructionId instructionId, Actor approver, String note) {
        return transactions.inTransaction(() -> decidable(instructionId, approver, InstructionTrigger.APPROVAL_REJECTED)
                .flatMap(row -> {
                    Instant now = clock.instant();
                    return instructions
                            .reject(instructionId, row, approver.operatorId(), note, APPROVAL_REJECTED, now)
                            .flatMap(won -> won ? instructions.byId(instructionId) : Mono.error(raced(instructionId)))
                            .flatMap(rejected -> afterRejection(rejected, approver, note, now)
                                    .thenReturn(rejected));
                }));
    }

    /** The failure reason of an instruction an approver rejected. */
    public static final String APPROVAL_REJECTED = "APPROVAL_REJECTED";

    /** The locked instruction's row for {@code trigger}, once four eyes allow {@code approver} to decide on it. */
    private Mono<Transition<InstructionStatus, InstructionTrigger>> decidable(
            InstructionId instructionId, Actor approver, InstructionTrigger trigger) {
        return instructions
                .lock(instructionId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId.value())))
                .map(instruction -> {
                    FourEyes.refusal(approver, instruction.causedBy()).ifPresent(code -> {
                        throw new DomainException(
                                code,
                                code == ErrorCode.FOUR_EYES
                                        ? "Instruction " + instructionId.value() + " was caused by "
                                                + approver.operatorId().value()
                                                + "; another approver must decide on it"
                                        : "Role " + approver.role() + " may not approve payments");
                    });
                    return InstructionTransitions.row(instruction, trigger);
                });
    }

    private Mono<Void> afterRejection(PaymentInstruction rejected, Actor approver, String note, Instant now) {
        Mono<Void> transfer = rejected.unidentifiedTransferId() == null
                ? Mono.empty()
                : unidentified.moveAll(
                        List.of(rejected.unidentifiedTransferId()),
                        UnidentifiedTransitions.row(UnidentifiedTrigger.RETURN_FAILED),
                        now);
        ReviewItem item = ReviewItem.open(
                ids.nextReviewItemId(),
                ReviewKind.APPROVAL_REJECTED,
                rejected.portalId(),
                rejected.orderId(),
                rejected.instructionId().value(),
                "Instruction " + rejected.instructionId().value() + " (" + rejected.type() + ", " + rejected.money()
                        + ") was rejected by " + approver.name() + " ("
                        + approver.operatorId().value() + "): "
                        + note + "; re-issue it with PUT /ops/instructions/"
                        + rejected.instructionId().value()
                        + "/reissued",
                now);
        return transfer.then(reviewItems.addAll(List.of(item)));
    }

    private static DomainException raced(InstructionId instructionId) {
        return new DomainException(
                ErrorCode.ILLEGAL_TRANSITION,
                "Instruction " + instructionId.value() + " is no longer AWAITING_APPROVAL");
    }

    /** Announces a CREATED instruction to the bank or gateway; one awaiting approval waits for its approver. */
    private Mono<PaymentInstruction> announceIfCreated(PaymentInstruction instruction) {
        List<OutboundEvent> announcement = approval.announcement(instruction);
        return announcement.isEmpty()
                ? Mono.just(instruction)
                : events.append(announcement).thenReturn(instruction);
    }

    private static @Nullable Iban optionalIban(@Nullable String iban) {
        if (iban == null || iban.isBlank()) {
            return null;
        }
        Validation v = Validation.start();
        Iban valid = v.iban("iban", iban, false);
        v.throwIfInvalid();
        return valid;
    }
}
