package io.crowdrecon.recon.ingest.sandbox;

import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The messages a bank publishes about our instructions, as the sandbox and the simulated bank build them. */
public final class SimulatedBankMessages {

    private SimulatedBankMessages() {}

    /** A DEBIT answering an instruction: EXECUTED or FAILED, with its amount. */
    public static Map<String, Object> debit(
            String notificationId,
            PaymentInstruction instruction,
            String status,
            @Nullable String reason,
            LocalDate bookingDate) {
        return debit(
                notificationId,
                instruction.instructionId().value(),
                instruction.amount(),
                instruction.currency(),
                status,
                reason,
                bookingDate);
    }

    public static Map<String, Object> debit(
            String notificationId,
            String instructionId,
            BigDecimal amount,
            String currency,
            String status,
            @Nullable String reason,
            LocalDate bookingDate) {
        Map<String, Object> debit = new LinkedHashMap<>();
        debit.put("notificationId", notificationId);
        debit.put("direction", "DEBIT");
        debit.put("instructionId", instructionId);
        debit.put("status", status);
        debit.put("amount", amount);
        debit.put("currency", currency);
        debit.put("bookingDate", bookingDate.toString());
        if (reason != null) {
            debit.put("reason", reason);
        }
        return debit;
    }
}
