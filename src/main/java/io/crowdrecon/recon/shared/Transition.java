package io.crowdrecon.recon.shared;

import java.util.Objects;
import java.util.Set;

/**
 * One row of a status transition table: {@code trigger} moves an aggregate from any status in {@code from} to
 * {@code to}.
 *
 * @param <S> the status enum
 * @param <T> the trigger enum
 */
public record Transition<S extends Enum<S>, T extends Enum<T>>(Set<S> from, T trigger, S to) {

    public Transition {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(to, "to");
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a transition starts from at least one status");
        }
        from = Set.copyOf(from);
    }
}
