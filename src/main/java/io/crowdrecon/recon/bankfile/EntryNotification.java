package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.matching.IncomingCredit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one transaction of a bank file's entry is for the books, as {@link EntryNotifications} decides it. Every outcome
 * has a {@link #notificationId()} that depends only on the account, the direction and the bank's reference, never on
 * the file: the same booking read again (a redelivered file, the day's camt.054 then the evening's camt.053) has the
 * same id, so recording it again is a no-op.
 */
public sealed interface EntryNotification {

    /** Deterministic; {@code BFC…} for money in, {@code BFD…} for money out, {@code BFN…} for an entry not booked. */
    String notificationId();

    /** The bank's reference of the booking, or what stands for it (see {@link EntryNotifications}); never null. */
    String bankReference();

    /**
     * Money in, for the matcher ({@code ReconcileIncomingCredits}) like any bank CREDIT.
     *
     * @param credit what the matcher decides; its {@code returnOfInstructionId} is set when the bank says it brings
     *     back one of our instructions (SPEC section 5, rule 2)
     * @param returnReason the bank's reason code of a return ({@code AC04}, {@code AM05}, {@code MS03}…), as written;
     *     null when the bank gives none
     */
    record Credit(IncomingCredit credit, @Nullable String returnReason) implements EntryNotification {

        public Credit {
            Objects.requireNonNull(credit, "credit");
        }

        @Override
        public String notificationId() {
            return credit.notificationId();
        }

        @Override
        public String bankReference() {
            // EntryNotifications gives every credit it decides a bank reference (or a digest standing for it)
            return Objects.requireNonNull(credit.bankReference(), "bankReference");
        }
    }

    /**
     * Money out that confirms one of our instructions: it becomes {@code EXECUTED}.
     *
     * @param amount the transaction's amount; null when a batch entry does not say how much of it was this instruction
     *     (then only the instruction's own amount is known)
     */
    record InstructionExecuted(
            String notificationId,
            String bankReference,
            String instructionId,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable LocalDate bookingDate)
            implements EntryNotification {

        public InstructionExecuted {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(instructionId, "instructionId");
        }
    }

    /**
     * One of our instructions that the bank returned, on a debit entry: it becomes {@code FAILED} with
     * {@code reasonCode}. (A return the bank books as money in is a {@link Credit} carrying the instruction, so that
     * the matcher books the money like every credit.)
     *
     * @param reasonCode the bank's reason code such as {@code AC04}, as written; never null
     * @param amount the transaction's amount; null when a batch entry does not say
     */
    record InstructionReturned(
            String notificationId,
            String bankReference,
            String instructionId,
            String reasonCode,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable LocalDate bookingDate)
            implements EntryNotification {

        public InstructionReturned {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(instructionId, "instructionId");
            Objects.requireNonNull(reasonCode, "reasonCode");
        }
    }

    /**
     * Money out that names none of our instructions (bank charges, the reversal of a credit, an unknown reference): it
     * changes nothing and opens {@code UNEXPECTED_DEBIT}, as a JSON DEBIT does; ops decide.
     *
     * @param amount the transaction's amount; null when a batch entry does not say
     * @param detail what the bank booked and why it is unexpected, for an operator
     */
    record UnexpectedDebit(
            String notificationId,
            String bankReference,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable LocalDate bookingDate,
            String detail)
            implements EntryNotification {

        public UnexpectedDebit {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * An entry the bank has not booked ({@code PDNG}, {@code INFO}): reported, never decided, because money not booked
     * is not money received (or paid). One per entry, whatever its transactions.
     *
     * @param status the entry's status as written
     * @param why for an operator
     */
    record NotBooked(
            String notificationId,
            String bankReference,
            Direction direction,
            BigDecimal amount,
            @Nullable String currency,
            String status,
            String why)
            implements EntryNotification {

        public NotBooked {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * A booked entry that cannot be money: a currency that is no ISO 4217 code, an amount that is not positive or has
     * more decimals than its currency, no date at all. A file holding one is not booked: the integration rejects it
     * with {@code reason}. One per entry.
     *
     * @param reason for a person, naming the entry
     */
    record Invalid(String notificationId, String bankReference, String reason) implements EntryNotification {

        public Invalid {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
