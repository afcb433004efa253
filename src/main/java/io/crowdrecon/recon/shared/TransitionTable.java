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

    /** Whether the table has a move for {@code trigger} from {@code from}. */
    public boolean allows(S from, T trigger) {
        return next(from, trigger).isPresent();
    }

    /**
     * The row that moves {@code from} on {@code trigger}: its target, and the statuses persistence guards the update
     * with. Errors with {@link DomainException} {@code ILLEGAL_TRANSITION} (naming {@code what} {@code id}) when the
     * table has no such move.
     */
    public Transition<S, T> row(String what, String id, S from, T trigger) {
        for (Transition<S, T> row : rows) {
            if (row.trigger() == trigger && row.from().contains(from)) {
                return row;
            }
        }
        throw DomainException.refusedMove(what, id, from, trigger);
    }

    /**
     * The one row of {@code trigger}, for a move of many at once guarded by its {@code from} statuses.
     *
     * @throws IllegalArgumentException if the table has no row, or more than one, for {@code trigger}
     */
    public Transition<S, T> row(T trigger) {
        List<Transition<S, T>> of =
                rows.stream().filter(row -> row.trigger() == trigger).toList();
        if (of.size() != 1) {
            throw new IllegalArgumentException(of.size() + " rows for " + trigger + ", not one");
        }
        return of.get(0);
    }

    /** The rows, in the order they were given. */
    public List<Transition<S, T>> rows() {
        return rows;
    }
}
