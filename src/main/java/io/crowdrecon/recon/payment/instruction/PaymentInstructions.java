package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every instruction to pay money out. */
public interface PaymentInstructions {

    Mono<Void> addAll(List<PaymentInstruction> instructions);

    /**
     * Moves the listed instructions along {@code row} of {@link InstructionTransitions}, with a failure reason; one not
     * in {@code row.from()} stays as it was (a batch may return the same instruction twice).
     */
    Mono<Void> moveAll(
            List<InstructionId> instructionIds,
            Transition<InstructionStatus, InstructionTrigger> row,
            @Nullable String failureReason,
            Instant at);

    Mono<PaymentInstruction> byId(InstructionId instructionId);

    /** The instruction, locked until the transaction ends; empty when unknown. */
    Mono<PaymentInstruction> lock(InstructionId instructionId);

    /**
     * Moves the instruction along {@code row} of {@link InstructionTransitions} (stamping the executed time when it
     * executes it; {@code failureReason} may be null); errors with IllegalStateException when it was not in
     * {@code row.from()} (the caller holds its lock).
     */
    Mono<Void> move(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            @Nullable String failureReason,
            Instant at);

    /**
     * Gives an ON_HOLD instruction its destination (a bank transfer to that IBAN), caused by that operator, and moves it along {@code row} of
     * {@link InstructionTransitions}; errors with IllegalStateException when it was not in {@code row.from()} (the
     * caller holds its lock).
     */
    Mono<Void> setDestination(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            String creditorIban,
            OperatorId causedBy,
            Instant at);

    /**
     * Moves an instruction awaiting approval along {@code row} (APPROVED), recording who approved it, when, with what
     * note; emits false when it was no longer in {@code row.from()} (another approver was first).
     */
    Mono<Boolean> approve(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            OperatorId approvedBy,
            @Nullable String note,
            Instant at);

    /**
     * Moves an instruction awaiting approval along {@code row} (APPROVAL_REJECTED) with {@code failureReason},
     * recording who rejected it, when, and the note; emits false when it was no longer in {@code row.from()}.
     */
    Mono<Boolean> reject(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            OperatorId rejectedBy,
            String note,
            String failureReason,
            Instant at);

    /** A page of instructions, newest first; only those in {@code status} when given. */
    Mono<Page<PaymentInstruction>> page(@Nullable InstructionStatus status, PageRequest page);

    /** Links a FAILED instruction to its re-issue; emits false when it was not FAILED or already re-issued. */
    Mono<Boolean> markReissued(InstructionId instructionId, InstructionId reissuedAs, Instant at);

    /** These instructions, locked until the transaction ends, in id order (so that concurrent batches cannot deadlock). */
    Flux<PaymentInstruction> lockAll(SortedSet<String> instructionIds);

    Flux<PaymentInstruction> ofUnidentifiedTransfer(UnidentifiedTransferId unidentifiedTransferId);

    /**
     * At most {@code limit} CREATED bank transfers in no payment file yet and never announced as a requested event
     * (one announced may already have been paid from it), oldest first: what the next pain.001 files gather (the caller
     * holds the payment-file build lock, so none of them is being gathered elsewhere).
     */
    Flux<PaymentInstruction> readyForPaymentFiles(int limit);
}
