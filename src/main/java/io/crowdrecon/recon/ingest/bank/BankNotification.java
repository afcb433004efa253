package io.crowdrecon.recon.ingest.bank;

import io.crowdrecon.recon.ingest.JsonFields;
import io.crowdrecon.recon.matching.IncomingCredit;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a record of {@code recon.bank-notifications} turned out to be once parsed and validated. */
public sealed interface BankNotification {

    /** Money in: decided by the matcher. */
    record Credit(IncomingCredit credit) implements BankNotification {}

    /**
     * Money out, as the bank reports it: the answer to one of our instructions
     * ({@code instructionId} + {@code status}), or a recall of an earlier credit
     * ({@code returnOfNotificationId} + {@code amount} + {@code currency}).
     */
    record Debit(
            String notificationId,
            @Nullable String instructionId,
            @Nullable String status,
            @Nullable String returnOfNotificationId,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable LocalDate bookingDate,
            @Nullable String reason)
            implements BankNotification {}

    /**
     * A record that cannot be decided: not JSON, a required field missing, an invalid value. It
     * goes to the DLQ with {@code reason}; when it may be a credit it is tracked as real money.
     */
    record Rejected(
            JsonFields.Problem problem,
            boolean mayBeCredit,
            @Nullable String notificationId,
            @Nullable BigDecimal amount,
            @Nullable String currency)
            implements BankNotification {

        /** Why, as {@code x-dlq-reason} says it. */
        public String reason() {
            return problem.reason();
        }
    }
}
