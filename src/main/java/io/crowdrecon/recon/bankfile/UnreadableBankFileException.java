package io.crowdrecon.recon.bankfile;

/**
 * A file crowdrecon does not read: no supported format, malformed or truncated content, a DOCTYPE,
 * a value that is not what its field must be. The message says why, for a person: it becomes the
 * file's rejection reason and the DLQ's {@code x-dlq-reason}.
 */
public class UnreadableBankFileException extends RuntimeException {

    public UnreadableBankFileException(String reason) {
        super(reason, null, false, false);
    }

    public UnreadableBankFileException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
