package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every refund of every order. */
public interface Refunds {

    Mono<Void> add(Refund refund);

    /** The order's refunds with the status of their current instruction, newest first. */
    Flux<RefundView> ofOrder(OrderId orderId);

    /** Points the refund whose current instruction is {@code oldInstructionId} at its re-issue. */
    Mono<Void> replaceInstruction(InstructionId oldInstructionId, InstructionId newInstructionId);
}
