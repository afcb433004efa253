package io.crowdrecon.recon.unidentified;

import java.util.EnumSet;
import java.util.Set;

/**
 * An unidentified transfer's {@code status} as the seed (Fabrick v4) shows it: {@code RECEIVED} until its return has
 * executed, then {@code RETURNED} (the seed has no word of its own for a returned transfer, so ours stays). The
 * detail, {@link UnidentifiedStatus}, is what is stored and moves along the table; it is shown as
 * {@code returnStatus}, and this is derived from it at the edge by {@link #of}.
 */
public enum UnidentifiedState {
    RECEIVED,
    RETURNED;

    /** RETURNED only once the return executed; received, being returned and a failed return are all RECEIVED. */
    public static UnidentifiedState of(UnidentifiedStatus status) {
        return switch (status) {
            case RETURNED -> RETURNED;
            case RECEIVED, RETURN_REQUESTED, RETURN_FAILED -> RECEIVED;
        };
    }

    /** The stored statuses shown as this state: what a {@code ?status=} of this state selects. */
    public Set<UnidentifiedStatus> statuses() {
        Set<UnidentifiedStatus> statuses = EnumSet.noneOf(UnidentifiedStatus.class);
        for (UnidentifiedStatus status : UnidentifiedStatus.values()) {
            if (of(status) == this) {
                statuses.add(status);
            }
        }
        return statuses;
    }
}
