package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.shared.InstructionId;
import java.math.BigDecimal;

/** One instruction a payment file carries, as it is now: what the file's API answer lists. */
public record CarriedInstruction(
        InstructionId instructionId,
        BigDecimal amount,
        String currency,
        String creditorName,
        String creditorIban,
        InstructionStatus status) {}
