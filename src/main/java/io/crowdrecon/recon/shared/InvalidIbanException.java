package io.crowdrecon.recon.shared;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a text is not a valid IBAN. The message names the input (cut at 64 characters) and what is wrong with
 * it, nothing else.
 */
public class InvalidIbanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_ECHOED_CHARS = 64;

    /**
     * @param input the rejected text, echoed at most 64 characters long
     * @param problem what is wrong with it, in a few words that do not repeat the input
     */
    public InvalidIbanException(@Nullable String input, String problem) {
        super("not a valid IBAN: " + echo(input) + " (" + problem + ")");
    }

    private static String echo(@Nullable String input) {
        if (input == null) {
            return "null";
        }
        return input.length() <= MAX_ECHOED_CHARS
                ? "'" + input + "'"
                : "'" + input.substring(0, MAX_ECHOED_CHARS) + "…'";
    }
}
