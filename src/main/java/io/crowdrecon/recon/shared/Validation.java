package io.crowdrecon.recon.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects every invalid field of a request before failing, so that a client learns all its
 * mistakes at once. Each check returns the (normalised) value, or null when it is invalid.
 */
public final class Validation {

    public static final int MAX_TEXT = 255;

    private final List<FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Fails with {@link ErrorCode#VALIDATION_FAILED} listing every field error, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Invalid fields: " + fields, errors);
        }
    }

    public <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return null;
        }
        return value;
    }

    /** Free text of at most {@code maxLength} characters; blank counts as absent. */
    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return value == null || value.isBlank() ? null : value;
        }
        if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            add(field, "must not contain control characters");
            return null;
        }
        return value;
    }

    public String text(String field, String value, boolean required) {
        return text(field, value, required, MAX_TEXT);
    }

    /** An amount &gt; 0 with at most 2 decimals, at most {@link Amounts#MAX}. */
    public BigDecimal positiveAmount(String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (!Amounts.isPositiveWithAtMost(value, 2)) {
            add(field, "must be greater than 0, at most " + Amounts.MAX.toPlainString() + ", with at most 2 decimals");
            return null;
        }
        return value;
    }

    /** An amount &gt;= 0 with at most 2 decimals, at most {@link Amounts#MAX}. */
    public BigDecimal nonNegativeAmount(String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (!Amounts.isNonNegativeWithAtMost(value, 2)) {
            add(field, "must be 0 or more, at most " + Amounts.MAX.toPlainString() + ", with at most 2 decimals");
            return null;
        }
        return value;
    }

    /** An IBAN, normalised to electronic format (upper case, no spaces). */
    public Iban iban(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        Optional<Iban> iban = Iban.tryParse(value);
        if (iban.isEmpty()) {
            add(field, "is not a valid IBAN");
            return null;
        }
        return iban.get();
    }

    /** One of an enum's constant names, exactly. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return null;
    }
}
