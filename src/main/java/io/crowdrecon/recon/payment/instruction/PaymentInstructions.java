package io.crowdrecon.recon.payment.instruction;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every instruction to pay money out. */
public interface PaymentInstructions {

    Mono<Void> addAll(List<PaymentInstruction> instructions);

    /** Marks instructions FAILED with a reason; an instruction already FAILED stays as it was. */
    Mono<Void> failAll(List<String> instructionIds, String reason, Instant at);

    Mono<PaymentInstruction> byId(String instructionId);

    /** The instruction, locked until the transaction ends; empty when unknown. */
    Mono<PaymentInstruction> lock(String instructionId);

    /** Moves the instruction if it is still in {@code from}; emits whether this call moved it. */
    Mono<Boolean> move(
            String instructionId, InstructionStatus from, InstructionStatus to, String failureReason, Instant at);

    /** Gives an ON_HOLD instruction its destination (a bank transfer to that IBAN): it becomes CREATED. */
    Mono<Boolean> setDestination(String instructionId, String creditorIban, Instant at);

    /** Links a FAILED instruction to its re-issue; emits false when it was not FAILED or already re-issued. */
    Mono<Boolean> markReissued(String instructionId, String reissuedAs, Instant at);

    Flux<PaymentInstruction> ofUnidentifiedTransfer(String unidentifiedTransferId);
}
