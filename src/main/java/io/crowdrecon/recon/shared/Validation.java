package io.crowdrecon.recon.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Collects every invalid field of a request before failing, so that a client learns all its
 * mistakes at once. Each check returns the (normalised) value, or null when it is invalid or absent; after
 * {@link #throwIfInvalid()}, {@link #checked} reads the value of a required check as the non-null it then is.
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

    /**
     * The value of a required check, read after {@link #throwIfInvalid()} passed: a required check that added no
     * error returned its value. Fails (a bug in the caller, not a bad request) if read before, or if the check was
     * not required.
     */
    public <T> T checked(@Nullable T value) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("checked(...) is read only after throwIfInvalid() passed");
        }
        return Objects.requireNonNull(value, "a required check that added no error returned its value");
    }

    public <T> @Nullable T required(String field, @Nullable T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return null;
        }
        return value;
    }

    /** Free text of at most {@code maxLength} characters; blank counts as absent. */
    public @Nullable String text(String field, @Nullable String value, boolean required, int maxLength) {
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

    public @Nullable String text(String field, @Nullable String value, boolean required) {
        return text(field, value, required, MAX_TEXT);
    }

    /** An amount &gt; 0 with at most 2 decimals, at most {@link Amounts#MAX}. */
    public @Nullable BigDecimal positiveAmount(String field, @Nullable BigDecimal value, boolean required) {
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
    public @Nullable BigDecimal nonNegativeAmount(String field, @Nullable BigDecimal value, boolean required) {
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
    public @Nullable Iban iban(String field, @Nullable String value, boolean required) {
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
    public <E extends Enum<E>> @Nullable E oneOf(
            String field, @Nullable String value, Class<E> type, boolean required) {
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
