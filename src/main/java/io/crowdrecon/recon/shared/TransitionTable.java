package io.crowdrecon.recon.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deterministic state machine given as data: a list of {@link Transition} rows in which no (status, trigger) pair
 * appears twice. A pair that no row names is not allowed.
 *
 * @param <S> the status enum
 * @param <T> the trigger enum
 */
public final class TransitionTable<S extends Enum<S>, T extends Enum<T>> {

    private final List<Transition<S, T>> rows;
    private final Map<S, Map<T, S>> next = new HashMap<>();

    /**
     * @throws IllegalArgumentException if two rows name the same (status, trigger) pair
     */
    public TransitionTable(List<Transition<S, T>> rows) {
        this.rows = List.copyOf(rows);
        for (Transition<S, T> row : this.rows) {
            for (S from : row.from()) {
                S previous =
                        next.computeIfAbsent(from, status -> new HashMap<>()).putIfAbsent(row.trigger(), row.to());
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "two rows for " + from + " on " + row.trigger() + ": " + previous + " and " + row.to());
                }
            }
        }
    }

    /** The status {@code trigger} moves {@code from} to, or empty when the table has no such move. */
    public Optional<S> next(S from, T trigger) {
        Map<T, S> byTrigger = next.get(from);
        return byTrigger == null ? Optional.empty() : Optional.ofNullable(byTrigger.get(trigger));
    }

    /** The rows, in the order they were given. */
    public List<Transition<S, T>> rows() {
        return rows;
    }
}
