package io.crowdrecon.recon.payment.instruction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Money leaving the collection account, as the bank reports it (SPEC.md section 6): the answer to
 * one of our instructions ({@code instructionId} + {@code status}), or a recall of an earlier
 * credit ({@code returnOfNotificationId} + {@code amount} + {@code currency}).
 */
public record BankDebit(
        String notificationId,
        @Nullable String instructionId,
        @Nullable InstructionStatus status,
        @Nullable String returnOfNotificationId,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable LocalDate bookingDate,
        @Nullable String reason) {

    public boolean isRecall() {
        return instructionId == null;
    }

    /** The instruction an answer names: a debit that is no recall names one. */
    public String answeredInstructionId() {
        return Objects.requireNonNull(instructionId, "a debit that is no recall names its instruction");
    }

    /** The credit a recall takes back: a recall names it (the parser refuses one that does not). */
    public String recalledNotificationId() {
        return Objects.requireNonNull(returnOfNotificationId, "a recall names the credit it takes back");
    }

    /** The amount a recall takes back: a recall reports it (the parser refuses one that does not). */
    public BigDecimal recalledAmount() {
        return Objects.requireNonNull(amount, "a recall reports its amount");
    }
}
