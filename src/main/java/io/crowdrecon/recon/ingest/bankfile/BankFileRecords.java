package io.crowdrecon.recon.ingest.bankfile;

import io.crowdrecon.recon.bankfile.BankFileSource;
import io.crowdrecon.recon.bankfile.BankFileStatus;
import io.crowdrecon.recon.bankfile.BookBankFile;
import io.crowdrecon.recon.ingest.DeadLetters;
import io.crowdrecon.recon.ingest.Inbound;
import io.crowdrecon.recon.ingest.InboundRecord;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records of {@code recon.bank-files}: each value is one bank file, booked like an upload. A file crowdrecon cannot
 * read is recorded {@code REJECTED} and its record goes to {@code recon.bank-files.dlq} with the reason.
 */
public final class BankFileRecords implements Function<InboundRecord, Inbound> {

    private final BookBankFile bookBankFile;
    private final DeadLetters deadLetters;

    public BankFileRecords(BookBankFile bookBankFile, DeadLetters deadLetters) {
        this.bookBankFile = bookBankFile;
        this.deadLetters = deadLetters;
    }

    @Override
    public Inbound apply(InboundRecord record) {
        if (record.value() == null || record.value().length == 0) {
            return new Inbound.Rejected(
                    record, "the record has no value: a bank file is the record's value", false, null, null, null);
        }
        return new Inbound.Action(record, "bank file " + record.coordinates(), () -> book(record));
    }

    private Mono<Void> book(InboundRecord record) {
        byte[] bytes = record.value();
        // Hashing 50 MB takes a while: not on the consumer's thread.
        return Mono.fromCallable(() -> new BankFileSource(
                        sha256(bytes),
                        bytes.length,
                        "KAFKA",
                        record.coordinates(),
                        () -> new ByteArrayInputStream(bytes)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bookBankFile::book)
                .flatMap(receipt -> receipt.status() == BankFileStatus.REJECTED
                        ? deadLetters.send(
                                record, "bank file " + receipt.bankFileId().value() + " REJECTED: " + receipt.reason())
                        : Mono.empty());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
