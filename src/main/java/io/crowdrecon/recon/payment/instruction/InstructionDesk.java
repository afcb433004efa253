package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.refund.Refunds;
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
 * another IBAN) as a new, linked one, and giving an ON_HOLD return or refund its destination.
 */
public class InstructionDesk {

    private final PaymentInstructions instructions;
    private final UnidentifiedTransfers unidentified;
    private final Refunds refunds;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public InstructionDesk(
            PaymentInstructions instructions,
            UnidentifiedTransfers unidentified,
            Refunds refunds,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.instructions = instructions;
        this.unidentified = unidentified;
        this.refunds = refunds;
        this.reviewItems = reviewItems;
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
    public Mono<PaymentInstruction> reissue(InstructionId instructionId, @Nullable String iban) {
        // defer, not fromCallable: no IBAN (null) is a valid request, not an empty answer.
        return Mono.defer(() -> {
            Iban destination = optionalIban(iban);
            return transactions.inTransaction(() -> instructions
                    .lock(instructionId)
                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId.value())))
                    .flatMap(instruction -> switch (instruction.status()) {
                        case FAILED -> reissueFailed(instruction, destination);
                        case ON_HOLD -> {
                            Validation v = Validation.start();
                            if (destination == null) {
                                v.add("iban", "is required to release an ON_HOLD instruction");
                            }
                            v.throwIfInvalid();
                            yield release(instruction, v.checked(destination));
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
    public Mono<UnidentifiedTransfer> giveReturnIban(UnidentifiedTransferId unidentifiedTransferId, String iban) {
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
                                .flatMap(instruction -> release(instruction, destination))
                                .then(unidentified.byId(unidentifiedTransferId)))));
    }

    private Mono<PaymentInstruction> reissueFailed(PaymentInstruction failed, @Nullable Iban destination) {
        if (failed.reissuedAs() != null) {
            return Mono.error(new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "Instruction " + failed.instructionId() + " was already re-issued as " + failed.reissuedAs()));
        }
        Instant now = clock.instant();
        boolean toBank = destination != null || failed.channel() == PaymentChannel.BANK_TRANSFER;
        String creditorIban = destination != null ? destination.value() : failed.creditorIban();
        InstructionStatus status =
                toBank && creditorIban == null ? InstructionStatus.ON_HOLD : InstructionStatus.CREATED;
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
                now);
        Mono<Void> transfer = failed.unidentifiedTransferId() == null
                ? Mono.empty()
                : unidentified.moveAll(
                        List.of(failed.unidentifiedTransferId()),
                        UnidentifiedTransitions.row(
                                status == InstructionStatus.CREATED
                                        ? UnidentifiedTrigger.RETURN_REISSUED
                                        : UnidentifiedTrigger.RETURN_REISSUED_ON_HOLD),
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
                .then(
                        status == InstructionStatus.CREATED
                                ? events.append(List.of(PaymentInstructionMessage.requested(reissued)))
                                : Mono.empty())
                .thenReturn(reissued);
    }

    private Mono<PaymentInstruction> release(PaymentInstruction onHold, Iban destination) {
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
                        InstructionTransitions.row(onHold, InstructionTrigger.DESTINATION_GIVEN),
                        destination.value(),
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
                .flatMap(released -> events.append(List.of(PaymentInstructionMessage.requested(released)))
                        .thenReturn(released));
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
