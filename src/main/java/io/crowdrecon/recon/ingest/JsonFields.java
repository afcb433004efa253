package io.crowdrecon.recon.ingest;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.crowdrecon.recon.shared.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed, checked access to the fields of one inbound JSON notification: a tolerant reader (unknown
 * fields are never looked at) that is strict about the fields it uses, failing with a reason that
 * names the field.
 */
public final class JsonFields {

    static final int MAX_TEXT = 255;

    /**
     * What is wrong with a notification: the field to blame (null when no single field is) and what is wrong with
     * it. The DLQ carries it as {@link #reason()}; the sandbox answers it as a field error.
     */
    public record Problem(@Nullable String field, String message) {

        /** {@code field: message}, as {@code x-dlq-reason} says it. */
        public String reason() {
            return field == null ? message : field + ": " + message;
        }

        /** The API's answer to a caller who sent it: VALIDATION_FAILED on the field ({@code body} if none). */
        public DomainException asValidationFailure() {
            String blamed = field == null ? "body" : field;
            return new DomainException(
                    ErrorCode.VALIDATION_FAILED, "Invalid fields: " + blamed, List.of(new FieldError(blamed, message)));
        }
    }

    /** A validation failure, naming the field when one is to blame. */
    public static final class Invalid extends RuntimeException {

        private final transient Problem problem;

        public Invalid(String field, String message) {
            this(new Problem(field, message));
        }

        /** A problem no single field is to blame for (how the fields combine). */
        public Invalid(String message) {
            this(new Problem(null, message));
        }

        private Invalid(Problem problem) {
            super(problem.reason(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final JsonNode root;

    public JsonFields(JsonNode root) {
        this.root = root;
    }

    public boolean has(String name) {
        JsonNode node = root.get(name);
        return node != null && !node.isNull();
    }

    public @Nullable String textOrNull(String name) {
        JsonNode node = root.get(name);
        return node != null && node.isString() ? node.asString() : null;
    }

    public @Nullable BigDecimal decimalOrNull(String name) {
        JsonNode node = root.get(name);
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    /** A required JSON boolean. */
    public boolean bool(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new Invalid(name, "required");
        }
        if (!node.isBoolean()) {
            throw new Invalid(name, "must be true or false");
        }
        return node.asBoolean();
    }

    public String requiredText(String name) {
        String value = optionalText(name, MAX_TEXT);
        if (value == null) {
            throw new Invalid(name, "required");
        }
        return value;
    }

    public @Nullable String optionalText(String name, int maxLength) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Invalid(name, "must be a string");
        }
        String value = node.asString();
        if (value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new Invalid(name, "longer than " + maxLength + " characters");
        }
        Texts.flaw(value).ifPresent(flaw -> {
            throw new Invalid(name + ": " + flaw);
        });
        return value;
    }

    /**
     * A currency exactly as the API takes it: three upper-case letters naming an ISO 4217 currency known to
     * {@link java.util.Currency}. {@code "eur"} is refused, not corrected: one rule for every entry point.
     */
    public String currency(String name) {
        String code = requiredText(name);
        if (!Amounts.isKnownCurrency(code)) {
            throw new Invalid(name, "must be a three-letter upper-case ISO 4217 currency code, such as EUR");
        }
        return code;
    }

    /**
     * A JSON number &gt; 0, at most 999,999,999.99, with no more decimals than the currency has; answered in the
     * currency's minor digits ({@code 1100} EUR is {@code 1100.00}), as the service shows every amount.
     */
    public BigDecimal amount(String name, String currency) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new Invalid(name, "required");
        }
        if (!node.isNumber()) {
            throw new Invalid(name, "must be a JSON number");
        }
        BigDecimal amount = node.decimalValue();
        int digits = Amounts.minorDigits(currency);
        if (!Amounts.isPositiveWithAtMost(amount, digits)) {
            throw new Invalid(
                    name,
                    "must be greater than 0, at most " + Amounts.MAX.toPlainString() + ", with at most " + digits
                            + " decimals for " + currency);
        }
        return Amounts.inMinorDigits(amount, currency);
    }

    /** A required ISO 8601 date-time with offset. */
    public Instant requiredDateTime(String name) {
        String value = requiredText(name);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "must be an ISO 8601 date-time with offset");
        }
    }

    public @Nullable LocalDate date(String name) {
        String value = optionalText(name, 32);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "must be an ISO date (yyyy-mm-dd)");
        }
    }
}
