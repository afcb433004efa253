package io.crowdrecon.recon.payment.moneyout;

import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.AVAILABLE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.EXECUTED;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.HELD;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.REVERSED;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The moneyout lifecycle of SPEC sections 4 and 6 as data: the only way a moneyout's status changes. Creation
 * ({@code AVAILABLE} at a match; a split's parts created {@code EXECUTED} or {@code REVERSED} in place of a moneyout
 * marked replaced) is not a transition and is not listed.
 *
 * <p>Every trigger has one row, so a move of many moneyouts at once takes {@link #row(MoneyoutTrigger)} and the store
 * guards its update with the row's {@code from}. A move never leaves the status unchanged.
 */
public final class MoneyoutTransitions {

    private static final TransitionTable<MoneyoutStatus, MoneyoutTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(AVAILABLE), MoneyoutTrigger.EXECUTE, EXECUTED),
            row(EnumSet.of(AVAILABLE), MoneyoutTrigger.REFUND, REVERSED),
            row(EnumSet.of(AVAILABLE), MoneyoutTrigger.RECALL, REVERSED),
            row(EnumSet.of(AVAILABLE), MoneyoutTrigger.HOLD, HELD),
            row(EnumSet.of(HELD), MoneyoutTrigger.RELEASE, AVAILABLE),
            row(EnumSet.of(HELD), MoneyoutTrigger.REVERSE_HELD, REVERSED)));

    private MoneyoutTransitions() {}

    /** The status {@code trigger} moves a moneyout in status {@code from} to; empty when the move is not allowed. */
    public static Optional<MoneyoutStatus> next(MoneyoutStatus from, MoneyoutTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The one row of {@code trigger}, for moving many moneyouts at once: each is moved along it with
     * {@link Moneyout#moved}, which refuses one not in the row's {@code from}.
     */
    public static Transition<MoneyoutStatus, MoneyoutTrigger> row(MoneyoutTrigger trigger) {
        return TABLE.row(trigger);
    }

    /** The rows of the table. */
    public static List<Transition<MoneyoutStatus, MoneyoutTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<MoneyoutStatus, MoneyoutTrigger> row(
            Set<MoneyoutStatus> from, MoneyoutTrigger trigger, MoneyoutStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
