package io.crowdrecon.recon.bankfile.read;

import java.util.Objects;

/**
 * What is wrong at one line of an MT940 file; {@link Mt940Reader} turns it into an
 * {@link io.crowdrecon.recon.bankfile.UnreadableBankFileException} that also names the statement.
 */
final class Mt940Problem extends RuntimeException {

    private final int line;

    /**
     * @param line the 1-based line of the file the problem is at; 0 when it is at no line of its own
     * @param reason for a person, completing "line N: …"
     */
    Mt940Problem(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }

    String reason() {
        return Objects.requireNonNull(getMessage(), "every Mt940Problem is made with a reason");
    }
}
