package io.crowdrecon.recon.payment;

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

    Flux<PaymentInstruction> ofUnidentifiedTransfer(String unidentifiedTransferId);
}
