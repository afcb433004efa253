package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.QueryParameters;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /unidentified-transfers}; every one optional. {@code from}/{@code to} bound receivedDatetime.
 *
 * @param statuses the stored statuses selected by {@code status} and {@code returnStatus} together; null selects all
 */
public record UnidentifiedFilter(
        @Nullable UnidentifiedReason reason,
        @Nullable Set<UnidentifiedStatus> statuses,
        @Nullable String candidateOrderId,
        @Nullable Instant from,
        @Nullable Instant to) {

    /**
     * Parses the query parameters; errors with INVALID_PARAMETER naming the bad one. {@code status} filters the field of
     * that name ({@code RECEIVED}: not yet returned, {@code RETURNED}); the detailed {@code RETURN_REQUESTED} and
     * {@code RETURN_FAILED}, which {@code status} showed before the seed's values, still select those transfers.
     * {@code returnStatus} filters the detail exactly. Both given: the transfers that match both.
     */
    public static UnidentifiedFilter parse(
            @Nullable String reason,
            @Nullable String status,
            @Nullable String returnStatus,
            @Nullable String candidateOrderId,
            @Nullable String from,
            @Nullable String to) {
        return new UnidentifiedFilter(
                parseEnum("reason", reason, UnidentifiedReason.class),
                statuses(status, parseEnum("returnStatus", returnStatus, UnidentifiedStatus.class)),
                candidateOrderId == null || candidateOrderId.isBlank() ? null : candidateOrderId,
                QueryParameters.instant("from", from),
                QueryParameters.instant("to", to));
    }

    /** The stored statuses a {@code status} and a {@code returnStatus} select together; null when neither is given. */
    static @Nullable Set<UnidentifiedStatus> statuses(
            @Nullable String status, @Nullable UnidentifiedStatus returnStatus) {
        Set<UnidentifiedStatus> selected = status == null || status.isBlank() ? null : byStatus(status);
        if (returnStatus == null) {
            return selected;
        }
        Set<UnidentifiedStatus> exactly = EnumSet.of(returnStatus);
        if (selected != null) {
            exactly.retainAll(selected);
        }
        return exactly;
    }

    private static Set<UnidentifiedStatus> byStatus(String status) {
        for (UnidentifiedState state : UnidentifiedState.values()) {
            if (state.name().equals(status)) {
                return state.statuses();
            }
        }
        // Kept for clients of the detailed status: RETURN_REQUESTED and RETURN_FAILED name one stored status each.
        for (UnidentifiedStatus detail :
                EnumSet.of(UnidentifiedStatus.RETURN_REQUESTED, UnidentifiedStatus.RETURN_FAILED)) {
            if (detail.name().equals(status)) {
                return EnumSet.of(detail);
            }
        }
        throw new DomainException(
                ErrorCode.INVALID_PARAMETER,
                "status must be one of [RECEIVED, RETURNED] (or, as returnStatus, RETURN_REQUESTED, RETURN_FAILED)");
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
