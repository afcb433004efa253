package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.payment.instruction.InstructionTransitions;
import io.crowdrecon.recon.payment.instruction.InstructionTrigger;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /ops/payment-files/{id}/sent}: the bank feed took the file. The file becomes SENT and every instruction it
 * carries that is still CREATED becomes SENT, in one transaction; an instruction the bank already answered keeps its
 * answer. Errors: NOT_FOUND; ILLEGAL_TRANSITION (the file is not CREATED: marked sent before, or answered).
 */
public class SendPaymentFile {

    private final PaymentFiles files;
    private final PaymentInstructions instructions;
    private final Transactions transactions;
    private final Clock clock;

    public SendPaymentFile(
            PaymentFiles files, PaymentInstructions instructions, Transactions transactions, Clock clock) {
        this.files = files;
        this.instructions = instructions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Marks the file SENT, as {@code sentBy} (the operator's id) said; answers the file as it is then. */
    public Mono<PaymentFile> sent(PaymentFileId paymentFileId, String sentBy) {
        return transactions.inTransaction(() -> files.lock(paymentFileId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Payment file", paymentFileId.value())))
                .flatMap(file -> {
                    Instant now = clock.instant();
                    return files.sent(
                                    paymentFileId,
                                    PaymentFileTransitions.row(file, PaymentFileTrigger.SEND),
                                    sentBy,
                                    now)
                            .then(files.instructionIds(paymentFileId).collectList())
                            .flatMap(carried -> instructions.moveAll(
                                    carried, InstructionTransitions.row(InstructionTrigger.FILE_SENT), null, now))
                            .then(files.byId(paymentFileId));
                }));
    }
}
