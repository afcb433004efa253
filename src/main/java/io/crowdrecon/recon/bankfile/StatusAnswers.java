package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.StatusReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a pain.002 status (ISO 20022 ExternalPaymentTransactionStatus1Code, at group, payment-information or
 * transaction level) means for the money: the one place that reads the bank's codes.
 *
 * <ul>
 *   <li>{@code ACCP}, {@code ACSP}, {@code ACSC}, {@code ACCC}, {@code ACWC}: accepted for execution or settled (ACWC
 *       with a change, such as another date): the instruction is {@code EXECUTED}.
 *   <li>{@code RJCT}, {@code CANC}: rejected or cancelled before execution: the instruction is {@code FAILED} with the
 *       first reason code ({@code AC01}, {@code AC04}, {@code AM04}, …), else the status itself.
 *   <li>Anything else ({@code RCVD}, {@code ACTC} — only technically valid —, {@code PDNG}, {@code ACWP}, {@code BLCK},
 *       {@code PART} for a single transfer, an unknown code): not final, nothing moves; a later report answers.
 * </ul>
 *
 * A transfer's own status wins over its block's, and its block's over the group's.
 */
public final class StatusAnswers {

    /** What one status means for an instruction. */
    public sealed interface Answer {}

    /** The bank accepted it: the instruction is executed. */
    public record Accepted(String status) implements Answer {}

    /** The bank rejected or cancelled it, for {@code reason}. */
    public record Rejected(String status, String reason) implements Answer {}

    /** Not final yet (or no status given): nothing moves. */
    public record Pending(@Nullable String status) implements Answer {}

    private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSP", "ACSC", "ACCC", "ACWC");
    private static final Set<String> REJECTED = Set.of("RJCT", "CANC");

    private StatusAnswers() {}

    /** The answer a status with its reasons gives; the first level that states a status is the one read. */
    public static Answer of(Level transaction, Level block, Level group) {
        for (Level level : List.of(transaction, block, group)) {
            if (level.status() != null && !level.status().isBlank()) {
                return of(level.status().strip(), level.reasons());
            }
        }
        return new Pending(null);
    }

    static Answer of(String status, List<StatusReason> reasons) {
        if (ACCEPTED.contains(status)) {
            return new Accepted(status);
        }
        if (REJECTED.contains(status)) {
            String reason = reasons.stream()
                    .map(StatusReason::code)
                    .filter(code -> code != null && !code.isBlank())
                    .findFirst()
                    .orElse(status);
            return new Rejected(status, reason);
        }
        return new Pending(status);
    }

    /** A status and its reasons as one level of the report states them ({@code status} null when it states none). */
    public record Level(@Nullable String status, List<StatusReason> reasons) {

        public static final Level NONE = new Level(null, List.of());

        public Level {
            reasons = List.copyOf(reasons);
        }
    }

    /** What became of a whole file, from how many of its transfers the report accepted and rejected. */
    public enum FileOutcome {
        ACCEPTED,
        PARTIALLY_ACCEPTED,
        REJECTED;

        /** Empty when the report answered no transfer finally. */
        public static Optional<FileOutcome> of(long accepted, long rejected) {
            if (accepted > 0 && rejected > 0) {
                return Optional.of(PARTIALLY_ACCEPTED);
            }
            if (accepted > 0) {
                return Optional.of(ACCEPTED);
            }
            return rejected > 0 ? Optional.of(REJECTED) : Optional.empty();
        }
    }
}
