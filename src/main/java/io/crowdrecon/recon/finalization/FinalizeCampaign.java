package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTransitions;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.clearing.ClearingDates;
import io.crowdrecon.recon.finalization.FinalizationDecision.AlreadyWaiting;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInFull;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInPart;
import io.crowdrecon.recon.finalization.FinalizationDecision.Failure;
import io.crowdrecon.recon.finalization.FinalizationDecision.Payout;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refund;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refused;
import io.crowdrecon.recon.finalization.FinalizationDecision.Step;
import io.crowdrecon.recon.finalization.FinalizationDecision.Success;
import io.crowdrecon.recon.finalization.FinalizationDecision.WaitForClearing;
import io.crowdrecon.recon.hold.ActiveHolds;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Ends a CLOSED campaign, applied in full within the request, in one transaction with the campaign and all its orders
 * locked: loads the facts, has {@link Finalization} decide, carries the decision out step by step and appends the
 * events of every step at the end. {@code finalized-success} executes, undoes and splits the ACCOUNTED orders exactly
 * as listed, expires the still payable ones and creates the cashout with its CASHOUT and FEE_PAYOUT instructions;
 * {@code finalized-failure} refunds every ACCOUNTED order and expires the payable ones. A credit in flight either
 * committed first (and its order must then be listed: 422 {@code ACCOUNTED_ORDERS_CHANGED}) or waits for the locks
 * and finds its order EXPIRED.
 */
public class FinalizeCampaign {

    /**
     * The campaign as finalized, and its cashout (success only).
     *
     * @param clearsAt while FINALIZING: when the last order to execute clears
     */
    public record Finalized(Campaign campaign, @Nullable CashoutView cashout, @Nullable Instant clearsAt) {

        public Finalized(Campaign campaign, @Nullable CashoutView cashout) {
            this(campaign, cashout, null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FinalizeCampaign.class);

    private final Campaigns campaigns;
    private final Orders orders;
    private final OrderMoves moves;
    private final OrderRefunds refunds;
    private final Settlement settlement;
    private final ReleasePolicy release;
    private final Cashouts cashouts;
    private final Companies companies;
    private final Portals portals;
    private final ActiveHolds holds;
    private final ClearingDates clearing;
    private final PendingFinalizations pending;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public FinalizeCampaign(
            Campaigns campaigns,
            Orders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Settlement settlement,
            ReleasePolicy release,
            Cashouts cashouts,
            Companies companies,
            Portals portals,
            ActiveHolds holds,
            ClearingDates clearing,
            PendingFinalizations pending,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.campaigns = campaigns;
        this.orders = orders;
        this.moves = moves;
        this.refunds = refunds;
        this.settlement = settlement;
        this.release = release;
        this.cashouts = cashouts;
        this.companies = companies;
        this.portals = portals;
        this.holds = holds;
        this.clearing = clearing;
        this.pending = pending;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@code PUT /campaigns/{id}/finalized-success}. Errors: NOT_FOUND, VALIDATION_FAILED,
     * ILLEGAL_TRANSITION (not CLOSED), and 422 NO_ORDERS_TO_EXECUTE, ACCOUNTED_ORDERS_CHANGED, ORDERS_ON_HOLD, REFLECTION_PERIOD_OPEN,
     * FUNDS_NOT_CLEARED, MONEYOUTS_HELD, SPLIT_MISMATCH, TARGET_NOT_MET, SUCCESS_FEE_EXCEEDS_CASHOUT.
     * With {@code executeWhenCleared} and funds not yet cleared, the campaign is FINALIZING and waits.
     */
    public Mono<Finalized> succeed(PortalId portalId, String campaignId, FinalizationPlan plan) {
        return Mono.fromCallable(plan::validate)
                .flatMap(valid -> transactions.inTransaction(() -> lockCampaign(portalId, campaignId)
                        .flatMap(campaign -> Finalization.byCampaignStatus(campaign, CampaignTrigger.FINALIZE_SUCCESS)
                                .map(Mono::just)
                                .orElseGet(() -> decideSuccess(campaign, valid))
                                .flatMap(decision -> carryOut(campaign, decision)))));
    }

    /**
     * The clearing job's run: every FINALIZING campaign whose orders to execute have all cleared is finalized, one whose
     * money was recalled or whose plan no longer stands is sent back to CLOSED with a {@code FINALIZATION_CANCELLED}
     * review item; each campaign in its own transaction, a failure logged and left for the next run. Emits how many
     * campaigns ended waiting.
     */
    public Mono<Long> finalizeCleared() {
        return pending.all()
                .concatMap(waiting -> transactions
                        .inTransaction(() -> resume(waiting))
                        .onErrorResume(e -> {
                            log.warn(
                                    "The waiting finalization of campaign {} failed; the next run tries again",
                                    waiting.campaignId(),
                                    e);
                            return Mono.just(false);
                        }))
                .filter(ended -> ended)
                .count();
    }

    /** Runs every {@code period}, forever. */
    public Flux<Long> every(Duration period) {
        return Periodically.run(period, period, () -> finalizeCleared().onErrorResume(e -> Mono.just(0L)));
    }

    /** Emits whether the waiting finalization ended (executed or cancelled). */
    private Mono<Boolean> resume(PendingFinalizations.Pending waiting) {
        return campaigns
                .lockOfPortal(waiting.portalId(), waiting.campaignId())
                // Another instance, or a portal giving up, ended it meanwhile.
                .filter(campaign -> campaign.status() == CampaignStatus.FINALIZING)
                .flatMap(campaign -> clearing.recalledSince(campaign.campaignId(), waiting.requestedAt())
                        .flatMap(recalled -> recalled
                                ? cancel(
                                        campaign,
                                        "the bank recalled money of the campaign while its finalization waited for"
                                                + " its funds to clear")
                                : lockOrders(campaign)
                                        .flatMap(all -> facts(campaign, all)
                                                .map(facts -> Finalization.resume(
                                                        campaign,
                                                        all,
                                                        facts.moneyouts(),
                                                        waiting.plan(),
                                                        facts.company(),
                                                        facts.portal(),
                                                        facts.controls())))
                                        .flatMap(decision -> resumed(campaign, waiting, decision))))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> resumed(
            Campaign campaign, PendingFinalizations.Pending waiting, FinalizationDecision decision) {
        if (decision instanceof Success success) {
            return succeed(campaign, success)
                    .then(pending.remove(campaign.campaignId()))
                    .thenReturn(true);
        }
        if (decision instanceof WaitForClearing wait) {
            return wait.clearsAt().equals(waiting.clearsAt())
                    ? Mono.just(false)
                    : pending.clearsAt(campaign.campaignId(), wait.clearsAt()).thenReturn(false);
        }
        if (decision instanceof Refused refused) {
            return cancel(campaign, refused.code() + ": " + refused.detail());
        }
        throw new IllegalStateException("a FINALIZING campaign's decision is " + decision);
    }

    /** FINALIZING → CLOSED, its plan forgotten, a review item saying why; the portal finalizes anew. */
    private Mono<Boolean> cancel(Campaign campaign, String why) {
        Instant now = clock.instant();
        Transition<CampaignStatus, CampaignTrigger> row =
                CampaignTransitions.row(campaign, CampaignTrigger.CANCEL_FINALIZATION);
        ReviewItem item = ReviewItem.open(
                ids.nextReviewItemId(),
                ReviewKind.FINALIZATION_CANCELLED,
                campaign.portalId(),
                null,
                campaign.campaignId().value(),
                "The finalization of campaign " + campaign.campaignId() + " waiting for its funds to clear was"
                        + " cancelled (" + why + "); the campaign is CLOSED again and must be finalized anew",
                now);
        return campaigns
                .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                .flatMap(moved -> moved
                        ? pending.remove(campaign.campaignId()).then(reviewItems.addAll(List.of(item)))
                        : Mono.error(new IllegalStateException("campaign moved under its lock")))
                .thenReturn(true);
    }

    /**
     * {@code PUT /campaigns/{id}/finalized-failure}: every ACCOUNTED order refunded, every payable
     * one expired. Errors: NOT_FOUND, ILLEGAL_TRANSITION (not CLOSED), MONEYOUTS_HELD.
     */
    public Mono<Finalized> fail(PortalId portalId, String campaignId) {
        return transactions.inTransaction(() -> lockCampaign(portalId, campaignId)
                .flatMap(campaign -> Finalization.byCampaignStatus(campaign, CampaignTrigger.FINALIZE_FAILURE)
                        .map(Mono::just)
                        .orElseGet(() -> decideFailure(campaign))
                        .flatMap(decision -> carryOut(campaign, decision))));
    }

    private Mono<Campaign> lockCampaign(PortalId portalId, String campaignId) {
        return campaigns
                .lockOfPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)));
    }

    private Mono<FinalizationDecision> decideSuccess(Campaign campaign, FinalizationPlan plan) {
        return lockOrders(campaign).flatMap(all -> facts(campaign, all)
                .map(facts -> Finalization.succeed(
                        campaign, all, facts.moneyouts(), plan, facts.company(), facts.portal(), facts.controls())));
    }

    private Mono<FinalizationDecision> decideFailure(Campaign campaign) {
        return lockOrders(campaign).flatMap(all -> moneyoutsOf(all)
                .zipWith(controls(campaign, all))
                .map(facts -> Finalization.fail(campaign, all, facts.getT1(), facts.getT2())));
    }

    /** What a success is decided from, besides the campaign and its orders. */
    private record Facts(
            Map<OrderId, List<Moneyout>> moneyouts, Company company, Portal portal, MoneyControls controls) {}

    private Mono<Facts> facts(Campaign campaign, List<Order> all) {
        return Mono.zip(moneyoutsOf(all), payees(campaign), controls(campaign, all))
                .map(t -> new Facts(t.getT1(), t.getT2().getT1(), t.getT2().getT2(), t.getT3()));
    }

    /** The holds on the accounted orders, their reflection periods and when their money clears, as of now. */
    private Mono<MoneyControls> controls(Campaign campaign, List<Order> all) {
        List<OrderId> accounted =
                Finalization.accounted(all).stream().map(Order::orderId).toList();
        Map<OrderId, Instant> reflection = new HashMap<>();
        all.forEach(order -> {
            Instant ends = reflectionEndsAt(order);
            if (ends != null) {
                reflection.put(order.orderId(), ends);
            }
        });
        return Mono.zip(holds.onOrders(accounted), clearing.ofCampaign(campaign.portalId(), campaign.campaignId()))
                .map(t -> new MoneyControls(clock.instant(), t.getT1(), reflection, t.getT2()));
    }

    private Mono<List<Order>> lockOrders(Campaign campaign) {
        return orders.lockAllOfCampaign(campaign.campaignId()).collectList();
    }

    /** The standing moneyouts of the orders whose money the finalization moves, locked, by orderId. */
    private Mono<Map<OrderId, List<Moneyout>>> moneyoutsOf(List<Order> all) {
        return Flux.fromIterable(Finalization.accounted(all))
                .concatMap(order -> settlement.moneyoutsOf(order).map(outs -> Map.entry(order.orderId(), outs)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Who the payouts go to: the campaign's company and its portal. */
    private Mono<Tuple2<Company, Portal>> payees(Campaign campaign) {
        return Mono.zip(companies.byId(campaign.companyId()), portals.byId(campaign.portalId()))
                .switchIfEmpty(Mono.error(() ->
                        new IllegalStateException("campaign " + campaign.campaignId() + " has no company or portal")));
    }

    private Mono<Finalized> carryOut(Campaign campaign, FinalizationDecision decision) {
        if (decision instanceof Refused refused) {
            return Mono.error(refused.exception());
        }
        if (decision instanceof Success success) {
            return succeed(campaign, success);
        }
        if (decision instanceof Failure failure) {
            // A portal giving up a waiting finalization: its plan is forgotten.
            return fail(campaign, failure)
                    .flatMap(failed -> pending.remove(campaign.campaignId()).thenReturn(failed));
        }
        if (decision instanceof WaitForClearing wait) {
            return waitForClearing(campaign, wait);
        }
        if (decision instanceof AlreadyWaiting) {
            return pending.of(campaign.campaignId())
                    .map(waiting -> new Finalized(campaign, null, waiting.clearsAt()))
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "FINALIZING campaign " + campaign.campaignId() + " has no waiting finalization")));
        }
        // Already finalized: answer as the first request did.
        return campaign.status() == CampaignStatus.FINALIZED_SUCCESS
                ? cashouts.ofCampaign(campaign.campaignId()).map(cashout -> new Finalized(campaign, cashout))
                : Mono.just(new Finalized(campaign, null));
    }

    /** CLOSED → FINALIZING with the plan kept for the clearing job; nothing else changes yet. */
    private Mono<Finalized> waitForClearing(Campaign campaign, WaitForClearing wait) {
        Instant now = clock.instant();
        Transition<CampaignStatus, CampaignTrigger> row = CampaignTransitions.row(campaign, wait.campaignMove());
        return campaigns
                .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                .flatMap(moved -> moved
                        ? pending.add(new PendingFinalizations.Pending(
                                        campaign.campaignId(), campaign.portalId(), wait.plan(), now, wait.clearsAt()))
                                .thenReturn(new Finalized(campaign.moved(row, now), null, wait.clearsAt()))
                        : Mono.error(new IllegalStateException("campaign moved under its lock")));
    }

    private Mono<Finalized> succeed(Campaign campaign, Success success) {
        CashoutId cashoutId = ids.nextCashoutId();
        return Flux.concat(
                        Flux.fromIterable(success.steps()).concatMap(step -> carryOut(step, cashoutId)),
                        Mono.defer(() -> payOut(success, cashoutId)))
                .collectList()
                .flatMap(announced -> end(campaign, success.campaignMove(), announced))
                .flatMap(finalized ->
                        cashouts.ofCampaign(campaign.campaignId()).map(cashout -> new Finalized(finalized, cashout)));
    }

    private Mono<Finalized> fail(Campaign campaign, Failure failure) {
        return Flux.fromIterable(failure.steps())
                .concatMap(step -> carryOut(step, null))
                .collectList()
                .flatMap(announced -> end(campaign, failure.campaignMove(), announced))
                .map(finalized -> new Finalized(finalized, null));
    }

    /**
     * The money side of the step, then the order's move; emits the events of both.
     *
     * @param cashoutId the cashout that executed money goes to; null at a failure, which executes nothing
     */
    private Mono<List<OutboundEvent>> carryOut(Step step, @Nullable CashoutId cashoutId) {
        return moneyOf(step, cashoutId).defaultIfEmpty(List.of()).flatMap(moneyEvents -> move(step)
                .map(moveEvent -> with(moneyEvents, moveEvent)));
    }

    private Mono<OutboundEvent> move(Step step) {
        return moves.move(step.order(), step.trigger(), step.reason()).map(OrderMoves.Moved::event);
    }

    /** Only a success executes money, and a success has its cashout. */
    private static CashoutId executing(@Nullable CashoutId cashoutId) {
        return Objects.requireNonNull(cashoutId, "money is executed only at a success, which has a cashout");
    }

    private Mono<List<OutboundEvent>> moneyOf(Step step, @Nullable CashoutId cashoutId) {
        if (step instanceof ExecuteInFull execute) {
            return settlement.executeInFull(execute.order(), execute.moneyouts(), executing(cashoutId));
        }
        if (step instanceof ExecuteInPart split) {
            return settlement.split(split.order(), split.moneyouts(), split.parts(), executing(cashoutId));
        }
        if (step instanceof Refund refund) {
            return refunds.refundInFull(refund.order(), refund.reason());
        }
        return Mono.just(List.of()); // an expiry moves no money
    }

    /** The CASHOUT, then the FEE_PAYOUT instruction (each none when 0), then the cashout record; emits the requests. */
    private Mono<List<OutboundEvent>> payOut(Success success, CashoutId cashoutId) {
        return instruct(success.campaign(), success.toCompany(), cashoutId)
                .zipWhen(toCompany -> instruct(success.campaign(), success.toPortal(), cashoutId))
                .flatMap(made -> {
                    Optional<PaymentInstruction> toCompany = made.getT1();
                    Optional<PaymentInstruction> toPortal = made.getT2();
                    Cashout cashout = success.cashout(
                            cashoutId,
                            toCompany.map(PaymentInstruction::instructionId).orElse(null),
                            toPortal.map(PaymentInstruction::instructionId).orElse(null),
                            clock.instant());
                    // One awaiting approval (every cashout) is announced by its approver (four eyes).
                    List<OutboundEvent> requested = Stream.of(toCompany, toPortal)
                            .flatMap(Optional::stream)
                            .flatMap(i -> release.announcement(i).stream())
                            .toList();
                    return cashouts.add(cashout).thenReturn(requested);
                });
    }

    private Mono<Optional<PaymentInstruction>> instruct(Campaign campaign, Payout payout, CashoutId cashoutId) {
        return settlement
                .instructPayout(
                        payout.type(),
                        campaign.portalId(),
                        campaign.campaignId(),
                        cashoutId,
                        payout.amount(),
                        campaign.currency(),
                        payout.iban(),
                        payout.creditorName(),
                        payout.remittance())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Moves the campaign, then appends the events of every step in the order the steps ran. */
    private Mono<Campaign> end(Campaign campaign, CampaignTrigger trigger, List<List<OutboundEvent>> announced) {
        Instant now = clock.instant();
        Transition<CampaignStatus, CampaignTrigger> row = CampaignTransitions.row(campaign, trigger);
        return campaigns
                .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                .flatMap(moved -> moved
                        ? Mono.just(campaign.moved(row, now))
                        : Mono.error(new IllegalStateException("campaign moved under its lock")))
                .flatMap(finalized -> events.append(inOrder(announced)).thenReturn(finalized));
    }

    private static List<OutboundEvent> inOrder(List<List<OutboundEvent>> announced) {
        return announced.stream().flatMap(List::stream).toList();
    }

    private static List<OutboundEvent> with(List<OutboundEvent> events, OutboundEvent last) {
        List<OutboundEvent> all = new ArrayList<>(events);
        all.add(last);
        return all;
    }

    /** When the order's reflection period ends; null when its investor may not revoke it. */
    private static @Nullable Instant reflectionEndsAt(Order order) {
        return order.reflectionEndsAt();
    }
}
