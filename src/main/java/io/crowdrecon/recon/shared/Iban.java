package io.crowdrecon.recon.shared;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.jspecify.annotations.Nullable;

/**
 * An International Bank Account Number in electronic format: upper case, no spaces, country rules and check digits
 * verified by iban4j. Two IBANs are the same account exactly when their values are equal.
 *
 * <p>An instance always holds a valid IBAN: the constructor throws {@link InvalidIbanException} otherwise.
 *
 * @param value the IBAN, for example {@code IT60X0542811101000000123456}
 */
public record Iban(String value) {

    public Iban {
        validate(value);
    }

    /**
     * The IBAN written in {@code raw}, once spaces are removed and letters upper-cased (so {@code "it60 x054 …"} is
     * accepted).
     *
     * @throws InvalidIbanException if {@code raw} is null or not a valid IBAN once normalised
     */
    public static Iban parse(@Nullable String raw) {
        if (raw == null) {
            throw new InvalidIbanException(null, "missing");
        }
        return new Iban(electronic(raw));
    }

    /** The IBAN written in {@code raw} as {@link #parse(String)} reads it; empty when null, blank or invalid. */
    public static Optional<Iban> tryParse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Iban(electronic(raw)));
        } catch (InvalidIbanException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code raw} without spaces and upper-cased, the electronic format IBANs are compared in; null stays null. Does
     * not validate.
     */
    public static @Nullable String normalise(@Nullable String raw) {
        return raw == null ? null : electronic(raw);
    }

    private static String electronic(String raw) {
        return raw.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIbanException(value, "missing");
        }
        if (!value.equals(normalise(value))) {
            throw new InvalidIbanException(value, "not in electronic format: upper case without spaces");
        }
        try {
            IbanUtil.validate(value);
        } catch (InvalidCheckDigitException e) {
            throw new InvalidIbanException(value, "wrong check digits");
        } catch (UnsupportedCountryException e) {
            throw new InvalidIbanException(value, "unknown or unsupported country");
        } catch (IbanFormatException e) {
            throw new InvalidIbanException(value, "wrong format for its country");
        } catch (RuntimeException e) {
            throw new InvalidIbanException(value, "not an IBAN");
        }
    }
}
