package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTransitions;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInFull;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInPart;
import io.crowdrecon.recon.finalization.FinalizationDecision.Failure;
import io.crowdrecon.recon.finalization.FinalizationDecision.Payout;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refund;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refused;
import io.crowdrecon.recon.finalization.FinalizationDecision.Step;
import io.crowdrecon.recon.finalization.FinalizationDecision.Success;
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
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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

    /** The campaign as finalized, and its cashout (success only). */
    public record Finalized(Campaign campaign, @Nullable CashoutView cashout) {}

    private final Campaigns campaigns;
    private final Orders orders;
    private final OrderMoves moves;
    private final OrderRefunds refunds;
    private final Settlement settlement;
    private final ReleasePolicy release;
    private final Cashouts cashouts;
    private final Companies companies;
    private final Portals portals;
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
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@code PUT /campaigns/{id}/finalized-success}. Errors: NOT_FOUND, VALIDATION_FAILED,
     * ILLEGAL_TRANSITION (not CLOSED), and 422 ACCOUNTED_ORDERS_CHANGED, MONEYOUTS_HELD,
     * SPLIT_MISMATCH, TARGET_NOT_MET, TARGET_EXCEEDED, SUCCESS_FEE_EXCEEDS_CASHOUT.
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
        return lockOrders(campaign).flatMap(all -> moneyoutsOf(all)
                .zipWith(payees(campaign))
                .map(facts -> Finalization.succeed(
                        campaign,
                        all,
                        facts.getT1(),
                        plan,
                        facts.getT2().getT1(),
                        facts.getT2().getT2())));
    }

    private Mono<FinalizationDecision> decideFailure(Campaign campaign) {
        return lockOrders(campaign)
                .flatMap(all -> moneyoutsOf(all).map(moneyouts -> Finalization.fail(campaign, all, moneyouts)));
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
            return fail(campaign, failure);
        }
        // Already finalized: answer as the first request did.
        return campaign.status() == CampaignStatus.FINALIZED_SUCCESS
                ? cashouts.ofCampaign(campaign.campaignId()).map(cashout -> new Finalized(campaign, cashout))
                : Mono.just(new Finalized(campaign, null));
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
}
