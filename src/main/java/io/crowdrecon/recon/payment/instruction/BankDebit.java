package io.crowdrecon.recon.payment.instruction;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money leaving the collection account, as the bank reports it (SPEC.md section 6): the answer to
 * one of our instructions ({@code instructionId} + {@code status}), or a recall of an earlier
 * credit ({@code returnOfNotificationId} + {@code amount} + {@code currency}).
 */
public record BankDebit(
        String notificationId,
        String instructionId,
        InstructionStatus status,
        String returnOfNotificationId,
        BigDecimal amount,
        String currency,
        LocalDate bookingDate,
        String reason) {

    public boolean isRecall() {
        return instructionId == null;
    }
}
