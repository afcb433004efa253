package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A balance a bank reports, signed: a debit balance (camt {@code CdtDbtInd} {@code DBIT}, MT940
 * {@code D}) is negative.
 *
 * @param amount in the major unit of {@code currency}, exact as written
 * @param currency ISO 4217, as the bank wrote it
 * @param date the date the balance is of; null when the bank gives none
 */
public record Balance(BigDecimal amount, String currency, @Nullable LocalDate date) {

    public Balance {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * {@code amount} in {@code currency}.
     *
     * @throws IllegalArgumentException when the bank wrote no known currency or more decimals than it has
     */
    public Money money() {
        return Money.of(amount, currency);
    }
}
