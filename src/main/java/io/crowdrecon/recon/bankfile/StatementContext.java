package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.shared.Iban;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an entry was read: the file and the account statement, report or notification it belongs to.
 *
 * @param format the file's format
 * @param messageId the file's message id; null when it has none
 * @param statementId the statement's, report's or notification's id; null when it has none
 * @param accountIban the account's IBAN as the bank wrote it; null when the account has another id
 * @param accountOther the account's other id; null when it has an IBAN
 */
public record StatementContext(
        BankFileFormat format,
        @Nullable String messageId,
        @Nullable String statementId,
        @Nullable String accountIban,
        @Nullable String accountOther) {

    public StatementContext {
        Objects.requireNonNull(format, "format");
        if (isBlank(accountIban) && isBlank(accountOther)) {
            throw new IllegalArgumentException("a statement names its account by IBAN or another id");
        }
    }

    /** The context of the entries that follow {@code start} in the file that began with {@code file}. */
    public static StatementContext of(FileHeader file, StatementStart start) {
        return new StatementContext(
                file.format(), file.messageId(), start.statementId(), start.accountIban(), start.accountOther());
    }

    /**
     * The account as the books name it: the IBAN in electronic format (upper case, no spaces, as the bank
     * notifications on Kafka are normalised, so that both name the same account), else the other id trimmed. It is the
     * {@code creditorIban} of the credits and part of every notification id.
     */
    public String account() {
        // The constructor refused a statement whose account has neither.
        return isBlank(accountIban)
                ? Objects.requireNonNull(accountOther, "an account without IBAN has another id")
                        .trim()
                : Objects.requireNonNull(
                        Iban.normalise(
                                Objects.requireNonNull(accountIban, "not blank").trim()),
                        "normalises a non-null IBAN");
    }

    /** The statement, as an operator finds it in the file: "statement S of message M". */
    String describe() {
        return (statementId == null ? "statement without id" : "statement " + statementId)
                + (messageId == null ? "" : " of message " + messageId);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
