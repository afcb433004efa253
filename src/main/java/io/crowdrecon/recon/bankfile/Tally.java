package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many of something, and their amounts added up.
 *
 * @param count 0 or more
 * @param sum in the major unit of the statement's currency; never null
 */
public record Tally(long count, BigDecimal sum) {

    /** Nothing yet. */
    public static final Tally NONE = new Tally(0, BigDecimal.ZERO);

    public Tally {
        Objects.requireNonNull(sum, "sum");
    }

    /** One more, of {@code amount} (null: one more whose amount is not known, the sum unchanged). */
    public Tally plus(@Nullable BigDecimal amount) {
        return new Tally(count + 1, amount == null ? sum : sum.add(amount));
    }

    /** Whether its sum is {@code declared}, by value ({@code 140} is {@code 140.00}). */
    public boolean sumsTo(BigDecimal declared) {
        return sum.compareTo(declared) == 0;
    }

    /**
     * {@code sum} as money of {@code currency}, the statement's.
     *
     * @throws IllegalArgumentException when it is no money of that currency
     */
    public Money sumIn(String currency) {
        return Money.of(sum, currency);
    }
}
