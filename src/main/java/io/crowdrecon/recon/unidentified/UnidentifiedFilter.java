package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.QueryParameters;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /unidentified-transfers}; every one optional. {@code from}/{@code to} bound receivedDatetime. */
public record UnidentifiedFilter(
        @Nullable UnidentifiedReason reason,
        @Nullable UnidentifiedStatus status,
        @Nullable String candidateOrderId,
        @Nullable Instant from,
        @Nullable Instant to) {

    /** Parses the query parameters; errors with INVALID_PARAMETER naming the bad one. */
    public static UnidentifiedFilter parse(
            @Nullable String reason,
            @Nullable String status,
            @Nullable String candidateOrderId,
            @Nullable String from,
            @Nullable String to) {
        return new UnidentifiedFilter(
                parseEnum("reason", reason, UnidentifiedReason.class),
                parseEnum("status", status, UnidentifiedStatus.class),
                candidateOrderId == null || candidateOrderId.isBlank() ? null : candidateOrderId,
                QueryParameters.instant("from", from),
                QueryParameters.instant("to", to));
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(String name, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
