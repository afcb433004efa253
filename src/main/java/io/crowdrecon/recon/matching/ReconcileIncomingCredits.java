package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.hold.ActiveHolds;
import io.crowdrecon.recon.matching.Bookings.InstructionFailure;
import io.crowdrecon.recon.matching.CreditFacts.ReturnableInstruction;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.order.Orders.OrderMoveStep;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.InstructionTransitions;
import io.crowdrecon.recon.payment.instruction.InstructionTrigger;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The use case at the heart of the service: decides a batch of incoming credits and books every
 * decision in ONE transaction, events included. Redelivered credits are no-ops, so a batch can be
 * replayed after any crash. When a concurrent batch or request wins a race (a duplicate bank
 * reference, a deadlock), the whole batch is decided again on fresh facts.
 */
public class ReconcileIncomingCredits {

    private static final int RACE_RETRIES = 5;

    /** Where a batch's bookings go: the credits' ledger and the stores of the capabilities a credit moves. */
    public record Stores(
            CreditLedger ledger,
            Portals portals,
            Orders orders,
            Moneyins moneyins,
            Moneyouts moneyouts,
            UnidentifiedTransfers unidentifiedTransfers,
            PaymentInstructions instructions,
            ReviewItems reviewItems,
            ActiveHolds holds) {

        /** The stores of a service without compliance holds (no order is ever held). */
        public Stores(
                CreditLedger ledger,
                Portals portals,
                Orders orders,
                Moneyins moneyins,
                Moneyouts moneyouts,
                UnidentifiedTransfers unidentifiedTransfers,
                PaymentInstructions instructions,
                ReviewItems reviewItems) {
            this(
                    ledger,
                    portals,
                    orders,
                    moneyins,
                    moneyouts,
                    unidentifiedTransfers,
                    instructions,
                    reviewItems,
                    orderIds -> Mono.just(Map.of()));
        }
    }

    private final Stores stores;
    private final ReleasePolicy approval;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ReconcileIncomingCredits(
            Stores stores,
            ReleasePolicy approval,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.stores = stores;
        this.approval = approval;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a committed batch did. */
    public record BatchResult(Bookings bookings) {}

    /**
     * Decides and books {@code credits} in the given order; emits after the commit. Errors when the
     * database refuses the batch for a reason other than a lost race (the caller then retries
     * credit by credit to isolate the culprit).
     */
    public Mono<BatchResult> reconcile(List<IncomingCredit> credits) {
        if (credits.isEmpty()) {
            return Mono.just(new BatchResult(new Bookings()));
        }
        return transactions
                .inTransaction(() -> facts(CreditLedger.Wanted.by(credits))
                        .map(facts -> CreditBatch.book(credits, facts, approval, ids, clock.instant()))
                        .flatMap(bookings -> record(bookings)
                                .then(events.append(bookings.events()))
                                .thenReturn(new BatchResult(bookings))))
                .retryWhen(Retry.backoff(RACE_RETRIES, Duration.ofMillis(20))
                        .filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /**
     * What the stores know of what is {@code wanted}: the credits recorded before, the portals of the credited accounts,
     * and the orders and instructions named, locked in id order (so that concurrent batches cannot deadlock on them),
     * then which of those orders are under an active compliance hold (read after their locks, so that a hold placed
     * meanwhile is seen: its placing locks the orders too).
     */
    private Mono<CreditFacts> facts(CreditLedger.Wanted wanted) {
        return Mono.zip(
                        stores.ledger().recorded(wanted),
                        stores.portals()
                                .byCollectionIbans(wanted.creditorIbans())
                                .collectMap(portal -> portal.collectionIban().value(), Portal::portalId),
                        stores.orders().lockAll(wanted.orderIds()).collectMap(Order::orderId),
                        stores.instructions()
                                .lockAll(wanted.instructionIds())
                                .collectMap(i -> i.instructionId().value(), ReturnableInstruction::of))
                .flatMap(t -> held(t.getT3().keySet())
                        .map(held -> new CreditFacts(
                                t.getT1().byNotificationId(),
                                t.getT1().byBankReference(),
                                t.getT2(),
                                t.getT3(),
                                t.getT4(),
                                held)));
    }

    /** The orders among {@code orderIds} under an active compliance hold: one query, none when no order is named. */
    private Mono<Set<OrderId>> held(Set<OrderId> orderIds) {
        return orderIds.isEmpty()
                ? Mono.just(Set.of())
                : stores.holds().onOrders(orderIds).map(held -> Set.copyOf(held.keySet()));
    }

    /**
     * Writes what the batch decided, in an order that respects the foreign keys: the credits, the orders' moves, the
     * moneyins and their moneyouts, the unidentified transfers and their return instructions, the instructions that came
     * back failed (with their transfers), and the review items.
     */
    private Mono<Void> record(Bookings bookings) {
        Instant now = clock.instant();
        List<OrderMoveStep> steps = bookings.orderMoves().stream()
                .map(move -> new OrderMoveStep(move.orderId(), move.change()))
                .toList();
        Map<String, List<InstructionId>> failedByReason = bookings.instructionFailures().stream()
                .collect(Collectors.groupingBy(
                        InstructionFailure::reason,
                        TreeMap::new,
                        Collectors.mapping(InstructionFailure::instructionId, Collectors.toList())));
        List<UnidentifiedTransferId> failedReturns = bookings.instructionFailures().stream()
                .map(InstructionFailure::unidentifiedTransferId)
                .filter(Objects::nonNull)
                .toList();
        return stores.ledger()
                .recordCredits(bookings.credits())
                .then(stores.orders().moveAll(steps))
                .then(stores.moneyins().addAll(bookings.moneyins()))
                .then(stores.moneyouts().addAll(bookings.moneyouts()))
                .then(stores.unidentifiedTransfers().addAll(bookings.unidentifiedTransfers()))
                .then(stores.instructions().addAll(bookings.instructions()))
                .then(Flux.fromIterable(failedByReason.entrySet())
                        .concatMap(failed -> stores.instructions()
                                .moveAll(
                                        failed.getValue(),
                                        InstructionTransitions.row(InstructionTrigger.RETURNED_BY_BANK),
                                        failed.getKey(),
                                        now))
                        .then())
                .then(stores.unidentifiedTransfers()
                        .moveAll(failedReturns, UnidentifiedTransitions.row(UnidentifiedTrigger.RETURN_CAME_BACK), now))
                .then(stores.reviewItems().addAll(bookings.reviewItems()));
    }
}
