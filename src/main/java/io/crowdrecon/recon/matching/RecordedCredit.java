package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A credit already recorded by the service, as far as duplicate detection needs it.
 *
 * @param notificationId never null
 * @param amount in the major unit of {@code currency}; never null
 * @param currency ISO 4217 code; never null
 * @param bookingDate nullable
 */
public record RecordedCredit(
        String notificationId, BigDecimal amount, String currency, @Nullable LocalDate bookingDate) {

    public RecordedCredit {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** {@code amount} in {@code currency}. */
    public Money money() {
        return Money.of(amount, currency);
    }
}
