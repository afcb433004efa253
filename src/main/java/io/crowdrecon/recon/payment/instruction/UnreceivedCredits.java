package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.ComplianceHolds;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewActions;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Credits the books decided that the bank's statement lacks ({@code NOT_ON_STATEMENT}): money never
 * received is never paid out. Holding puts the paid order's moneyouts {@code HELD} until ops
 * decide: RELEASE gives them back ({@code AVAILABLE}: the statement was wrong, the money is there; not while a
 * compliance hold is active on the order);
 * REVERSE accepts that the money never arrived: the credit is recalled as a bank recall would recall
 * it (moneyin {@code RECALLED}, moneyouts {@code REVERSED}, order {@code WAITING} again).
 */
public class UnreceivedCredits implements ReviewActions {

    public static final String RELEASE = "RELEASE";
    public static final String REVERSE = "REVERSE";

    /** What holding found, for the review item. */
    public record Hold(@Nullable PortalId portalId, @Nullable OrderId orderId, boolean held, String detail) {}

    private final Debits debits;
    private final Orders orders;
    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final ComplianceHolds holds;
    private final ApplyBankDebit applyBankDebit;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final Clock clock;

    public UnreceivedCredits(
            Debits debits,
            Orders orders,
            Moneyins moneyins,
            Moneyouts moneyouts,
            ComplianceHolds holds,
            ApplyBankDebit applyBankDebit,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            Clock clock) {
        this.debits = debits;
        this.orders = orders;
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.holds = holds;
        this.applyBankDebit = applyBankDebit;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Holds the money of the credit {@code notificationId}: when it paid an order whose moneyouts are
     * all AVAILABLE they become HELD (announced); otherwise nothing moves and the answer says why.
     * Runs in the caller's transaction.
     */
    public Mono<Hold> hold(String notificationId) {
        return debits.credit(notificationId)
                .flatMap(credit -> "MATCHED".equals(credit.outcome()) && credit.orderId() != null
                        ? orders.lockById(credit.orderId()).flatMap(order -> holdPaymentOf(order, notificationId))
                        : Mono.just(new Hold(
                                null,
                                credit.orderId(),
                                false,
                                "It paid no order (" + credit.outcome() + "): if it is being returned, that return"
                                        + " would send money that never arrived")))
                .defaultIfEmpty(new Hold(null, null, false, "The books hold no such credit"));
    }

    private Mono<Hold> holdPaymentOf(Order order, String notificationId) {
        return moneyins.lockByNotificationId(notificationId).flatMap(moneyin -> moneyouts
                .lockOfOrder(order.orderId())
                .filter(m -> m.moneyinId().equals(moneyin.moneyinId()))
                .collectList()
                .flatMap(outs -> {
                    if (moneyin.status() == MoneyinStatus.RECALLED) {
                        return Mono.just(
                                new Hold(order.portalId(), order.orderId(), false, "Its moneyin was already recalled"));
                    }
                    if (!outs.isEmpty() && outs.stream().allMatch(m -> m.status() == MoneyoutStatus.HELD)) {
                        // A chargeback or a compliance hold holds it already; releasing that hold leaves it HELD while
                        // this item is open (HoldDecisions.release).
                        return Mono.just(new Hold(
                                order.portalId(),
                                order.orderId(),
                                false,
                                "Order " + order.orderId() + "'s moneyouts are already HELD (a chargeback or a"
                                        + " compliance hold)"));
                    }
                    if (outs.isEmpty() || !outs.stream().allMatch(m -> m.status() == MoneyoutStatus.AVAILABLE)) {
                        return Mono.just(new Hold(
                                order.portalId(),
                                order.orderId(),
                                false,
                                "Order " + order.orderId() + " (" + order.status()
                                        + ") has moneyouts that are not AVAILABLE: its money may have gone out"));
                    }
                    Instant now = clock.instant();
                    Transition<MoneyoutStatus, MoneyoutTrigger> hold = MoneyoutTransitions.row(MoneyoutTrigger.HOLD);
                    List<OutboundEvent> announced = outs.stream()
                            .map(m -> MoneyoutMessage.statusChanged(m.moved(hold, now)))
                            .toList();
                    return moneyouts
                            .moveAll(outs.stream().map(Moneyout::moneyoutId).toList(), hold, now)
                            .then(events.append(announced))
                            .thenReturn(new Hold(
                                    order.portalId(),
                                    order.orderId(),
                                    true,
                                    "Order " + order.orderId() + "'s moneyouts are HELD"));
                }));
    }

    @Override
    public boolean takesAction(ReviewKind kind) {
        return kind == ReviewKind.NOT_ON_STATEMENT;
    }

    @Override
    public Mono<ReviewItem> resolveWith(ReviewItem item, String action, String note) {
        if (!RELEASE.equals(action) && !REVERSE.equals(action)) {
            return Mono.error(() -> new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    "A credit not on the statement is resolved with an action",
                    List.of(new FieldError("action", "must be RELEASE or REVERSE"))));
        }
        Instant now = clock.instant();
        // REVERSE releases to recall the credit as the bank would (its moneyouts REVERSED), compliance hold or not.
        return transactions.inTransaction(() -> release(creditOf(item), REVERSE.equals(action), now)
                .then(REVERSE.equals(action) ? recall(item) : Mono.empty())
                .then(reviewItems.move(
                        item.reviewItemId(),
                        ReviewTransitions.row(item, ReviewTrigger.RESOLVED_BY_OPS),
                        note + " [" + action + "]",
                        now)));
    }

    /**
     * HELD → AVAILABLE for the credit's moneyouts, if any are held; on RELEASE not while a compliance hold is active on
     * its order (they stay HELD until that hold is released too).
     */
    private Mono<Void> release(String notificationId, boolean toRecall, Instant now) {
        return debits.credit(notificationId)
                .flatMap(credit -> Mono.justOrEmpty(credit.orderId()))
                .filterWhen(orderId ->
                        toRecall ? Mono.just(true) : holds.holdsOrder(orderId).map(held -> !held))
                .flatMap(orderId -> orders.lockById(orderId)
                        .then(moneyins.lockByNotificationId(notificationId))
                        .flatMap(moneyin -> moneyouts
                                .lockOfOrder(orderId)
                                .filter(m -> m.moneyinId().equals(moneyin.moneyinId()))
                                .filter(m -> m.status() == MoneyoutStatus.HELD)
                                .collectList()))
                .filter(held -> !held.isEmpty())
                .flatMap(held -> release(held, MoneyoutTransitions.row(MoneyoutTrigger.RELEASE), now));
    }

    private Mono<Void> release(List<Moneyout> held, Transition<MoneyoutStatus, MoneyoutTrigger> release, Instant now) {
        List<OutboundEvent> announced = held.stream()
                .map(m -> MoneyoutMessage.statusChanged(m.moved(release, now)))
                .toList();
        return moneyouts
                .moveAll(held.stream().map(Moneyout::moneyoutId).toList(), release, now)
                .then(events.append(announced));
    }

    /** The credit a NOT_ON_STATEMENT item is about: such an item is opened with the credit as its subject. */
    private static String creditOf(ReviewItem item) {
        return Objects.requireNonNull(item.subjectId(), "a NOT_ON_STATEMENT item's subject is its credit");
    }

    /** The money never arrived: recalled exactly as the bank's own recall of the credit would be. */
    private Mono<Void> recall(ReviewItem item) {
        String notificationId = creditOf(item);
        return debits.credit(notificationId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Credit", notificationId)))
                .flatMap(credit -> applyBankDebit.apply(new BankDebit(
                        "NOS-" + item.reviewItemId().value(),
                        null,
                        null,
                        credit.notificationId(),
                        credit.amount(),
                        credit.currency(),
                        null,
                        "NOT_ON_STATEMENT")));
    }
}
