package io.crowdrecon.recon.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Optional query parameters, read the same way by every list: absent or blank is no filter, and a malformed one is 400
 * {@code INVALID_PARAMETER} naming the parameter and the form it takes.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** An ISO 8601 date-time with its offset ({@code 2026-12-06T10:15:30Z}, {@code 2026-12-06T11:15:30+01:00}). */
    public static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    name + " must be an ISO 8601 date-time with offset, such as 2026-12-06T10:15:30Z");
        }
    }

    /** An ISO 8601 date ({@code 2026-12-06}). */
    public static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, name + " must be a date, such as 2026-12-06");
        }
    }
}
