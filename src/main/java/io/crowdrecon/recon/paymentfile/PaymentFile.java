package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A built pain.001 file: one debtor account, one requested execution date, its counts and control sum as written, and
 * the SHA-256 and size of its bytes (which never change once built).
 *
 * @param messageId the file's {@code MsgId}: its id
 * @param sha256 lower-case hex of the SHA-256 of the bytes
 * @param sentBy the operator who marked it sent; null until then
 */
public record PaymentFile(
        PaymentFileId paymentFileId,
        PaymentFileStatus status,
        Iban debtorIban,
        String debtorName,
        LocalDate executionDate,
        Pain001Version version,
        String messageId,
        long numberOfTransactions,
        BigDecimal controlSum,
        String sha256,
        long size,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable String sentBy) {}
