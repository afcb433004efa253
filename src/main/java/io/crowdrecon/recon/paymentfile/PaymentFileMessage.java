package io.crowdrecon.recon.paymentfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON view of {@code crowdrecon.payment-file.created.v1} in the event log and the ops event stream. On Kafka the
 * event's data is the file's XML instead ({@link PaymentFileAnnouncement}): this view never leaves as a record.
 */
public record PaymentFileMessage(
        String paymentFileId,
        String debtorIban,
        LocalDate executionDate,
        String version,
        String messageId,
        long numberOfTransactions,
        BigDecimal controlSum,
        String sha256,
        long sizeBytes,
        Instant createdDatetime,
        String contentPath) {

    static PaymentFileMessage of(PaymentFile file) {
        return new PaymentFileMessage(
                file.paymentFileId().value(),
                file.debtorIban().value(),
                file.executionDate(),
                file.version().label(),
                file.messageId(),
                file.numberOfTransactions(),
                file.controlSum(),
                file.sha256(),
                file.size(),
                file.createdAt(),
                PaymentFileAnnouncement.contentPath(file.paymentFileId()));
    }
}
