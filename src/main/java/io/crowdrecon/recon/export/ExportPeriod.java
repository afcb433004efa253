package io.crowdrecon.recon.export;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The days an export (or the stats) cover, in UTC: from {@code from} inclusive to {@code to} exclusive, so that
 * {@code from=2026-11-01&to=2026-12-01} is exactly November and consecutive periods never count a row twice.
 *
 * @param from the first day covered
 * @param to the first day no longer covered; after {@code from}, at most {@link #MAX_YEARS} years later
 */
public record ExportPeriod(LocalDate from, LocalDate to) {

    /** The longest period: a wider one is almost surely a typo, and would read the whole history. */
    public static final int MAX_YEARS = 10;

    /**
     * The period the query parameters ask for: {@code to} defaults to tomorrow (today included), {@code from} to one
     * month before {@code to}.
     *
     * @throws DomainException INVALID_PARAMETER naming {@code from} when it is not before {@code to}, naming {@code to}
     *     when the period is longer than ten years
     */
    public static ExportPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today.plusDays(1) : to;
        LocalDate start = from == null ? end.minusMonths(1) : from;
        if (!start.isBefore(end)) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    "from must be before to (to is exclusive): from " + start + ", to " + end);
        }
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    "to must be at most " + MAX_YEARS + " years after from: from " + start + ", to " + end);
        }
        return new ExportPeriod(start, end);
    }

    /** The first instant covered: {@code from} at midnight UTC. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer covered: {@code to} at midnight UTC. */
    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
