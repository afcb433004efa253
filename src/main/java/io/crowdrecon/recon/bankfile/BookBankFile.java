package io.crowdrecon.recon.bankfile;

import reactor.core.publisher.Mono;

/**
 * Books a bank file: reads it, decides each entry through the existing pipeline, reconciles each statement of a
 * collection account with the books, all in one transaction. The same file again is a no-op that answers the first
 * file's id.
 */
public class BookBankFile {

    /**
     * What became of a file.
     *
     * @param bankFileId the file's id; the first file's when this one repeats it
     * @param format null when not even the format could be read
     * @param status {@code BOOKED} or {@code REJECTED} ({@code RECEIVED} only while another instance books it)
     * @param reason why it was {@code REJECTED}; null otherwise
     * @param repeated whether the same file (same bytes, or the same statements) was received before
     */
    public record Receipt(
            String bankFileId, BankFileFormat format, BankFileStatus status, String reason, boolean repeated) {}

    /** Books {@code source}; completes once committed. */
    public Mono<Receipt> book(BankFileSource source) {
        return Mono.error(new UnsupportedOperationException("not yet"));
    }
}
