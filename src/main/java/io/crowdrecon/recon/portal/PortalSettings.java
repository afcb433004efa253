package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.Validation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A portal's investor-protection periods (issue 23): how long a non-sophisticated investor may revoke an order, and
 * when the money paid for one counts as cleared. Set by ops per portal; a new portal starts with the service's
 * defaults ({@code RECON_REFLECTION_PERIOD}, {@code RECON_CLEARING_PERIOD}, {@code RECON_CARD_CLEARING_PERIOD}).
 *
 * @param reflectionPeriod from an order's creation, while its non-sophisticated investor may revoke it (ECSP Art. 22:
 *     four days)
 * @param clearingBusinessDays TARGET2 business days after a transfer's booking date before it clears (a bank can still
 *     recall it until then)
 * @param cardClearingPeriod after a card capture before it clears
 */
public record PortalSettings(Duration reflectionPeriod, int clearingBusinessDays, Duration cardClearingPeriod) {

    /** The longest period a setting may hold: a longer one is a typo, not a policy. */
    public static final Duration MAX_PERIOD = Duration.ofDays(30);

    public static final int MAX_BUSINESS_DAYS = 10;

    /** Nothing waits: what the embedded default and the tests start a portal with. */
    public static final PortalSettings NONE = new PortalSettings(Duration.ZERO, 0, Duration.ZERO);

    public PortalSettings {
        Objects.requireNonNull(reflectionPeriod, "reflectionPeriod");
        Objects.requireNonNull(cardClearingPeriod, "cardClearingPeriod");
        if (!withinBounds(reflectionPeriod)
                || !withinBounds(cardClearingPeriod)
                || clearingBusinessDays < 0
                || clearingBusinessDays > MAX_BUSINESS_DAYS) {
            throw new IllegalArgumentException("settings out of bounds: " + reflectionPeriod + ", "
                    + clearingBusinessDays + ", " + cardClearingPeriod);
        }
    }

    /**
     * The settings as a request gives them, or VALIDATION_FAILED naming every bad field: the periods are ISO-8601
     * durations ({@code P4D}, {@code PT0S}) from 0 to 30 days, the business days a whole number from 0 to 10.
     */
    public static PortalSettings validate(
            @Nullable String reflectionPeriod,
            @Nullable Integer clearingBusinessDays,
            @Nullable String cardClearingPeriod) {
        Validation v = Validation.start();
        Duration reflection = period(v, "reflectionPeriod", reflectionPeriod);
        Integer days = v.required("clearingBusinessDays", clearingBusinessDays);
        if (days != null && (days < 0 || days > MAX_BUSINESS_DAYS)) {
            v.add("clearingBusinessDays", "must be a whole number from 0 to " + MAX_BUSINESS_DAYS);
        }
        Duration card = period(v, "cardClearingPeriod", cardClearingPeriod);
        v.throwIfInvalid();
        return new PortalSettings(v.checked(reflection), v.checked(days), v.checked(card));
    }

    /** A period as it is written back: whole days as {@code P4D}, anything else as {@link Duration#toString()}. */
    public static String written(Duration period) {
        if (!period.isZero() && period.toSeconds() % 86_400 == 0 && period.toNanosPart() == 0) {
            return "P" + period.toDays() + "D";
        }
        return period.toString();
    }

    private static @Nullable Duration period(Validation v, String field, @Nullable String text) {
        String value = v.required(field, text);
        if (value == null) {
            return null;
        }
        try {
            Duration period = Duration.parse(value);
            if (withinBounds(period)) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        v.add(field, "must be an ISO-8601 duration from PT0S to P30D, such as P4D");
        return null;
    }

    private static boolean withinBounds(Duration period) {
        return !period.isNegative() && period.compareTo(MAX_PERIOD) <= 0;
    }
}
