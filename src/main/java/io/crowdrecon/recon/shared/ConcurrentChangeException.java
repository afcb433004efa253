package io.crowdrecon.recon.shared;

/**
 * A concurrent transaction won a race this one lost (a unique key taken meanwhile, a deadlock, a
 * serialization failure): deciding again on fresh facts is the right answer, not giving up.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
