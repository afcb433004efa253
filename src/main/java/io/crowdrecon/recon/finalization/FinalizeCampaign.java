package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTransitions;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionData;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a CLOSED campaign, applied in full within the request (one transaction, the campaign and
 * all its orders locked): {@code finalized-success} executes, undoes and splits the ACCOUNTED
 * orders exactly as listed, creates the cashout with its CASHOUT and FEE_PAYOUT instructions,
 * and expires the still payable orders; {@code finalized-failure} refunds every ACCOUNTED order.
 * A credit in flight either committed first (and its order must then be listed: 422
 * {@code ACCOUNTED_ORDERS_CHANGED}) or waits for the locks and finds its order EXPIRED.
 */
public class FinalizeCampaign {

    public static final String REASON_SUCCESS = "CAMPAIGN_FINALIZED_SUCCESS";
    public static final String REASON_FAILURE = "CAMPAIGN_FINALIZED_FAIL";
    public static final String REASON_UNDONE = "UNDONE_AT_FINALIZATION";

    /** The campaign as finalized, and its cashout (success only). */
    public record Finalized(Campaign campaign, CashoutData cashout) {}

    private final Campaigns campaigns;
    private final Orders orders;
    private final OrderMoves moves;
    private final OrderRefunds refunds;
    private final Settlement settlement;
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
    public Mono<Finalized> succeed(String portalId, String campaignId, FinalizationPlan plan) {
        return Mono.fromCallable(plan::validate)
                .flatMap(valid -> transactions.inTransaction(() -> campaigns
                        .lockOfPortal(portalId, campaignId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                        .flatMap(campaign -> {
                            if (campaign.status() == CampaignStatus.FINALIZED_SUCCESS) {
                                return cashouts.ofCampaign(campaignId).map(c -> new Finalized(campaign, c));
                            }
                            requireClosed(campaign, CampaignStatus.FINALIZED_SUCCESS);
                            return orders.lockAllOfCampaign(campaignId)
                                    .collectList()
                                    .flatMap(all -> succeed(campaign, all, valid));
                        })));
    }

    /**
     * {@code PUT /campaigns/{id}/finalized-failure}: every ACCOUNTED order refunded, every payable
     * one expired. Errors: NOT_FOUND, ILLEGAL_TRANSITION (not CLOSED), MONEYOUTS_HELD.
     */
    public Mono<Finalized> fail(String portalId, String campaignId) {
        return transactions.inTransaction(() -> campaigns
                .lockOfPortal(portalId, campaignId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> {
                    if (campaign.status() == CampaignStatus.FINALIZED_FAIL) {
                        return Mono.just(new Finalized(campaign, null));
                    }
                    requireClosed(campaign, CampaignStatus.FINALIZED_FAIL);
                    return orders.lockAllOfCampaign(campaignId).collectList().flatMap(all -> fail(campaign, all));
                }));
    }

    private Mono<Finalized> fail(Campaign campaign, List<Order> all) {
        List<OutboundEvent> announced = new ArrayList<>();
        return Flux.fromIterable(all)
                .concatMap(order -> {
                    if (OrderTransitions.allows(order.status(), OrderTrigger.REFUND)) {
                        return refundAndMove(order, REASON_FAILURE, announced);
                    }
                    if (OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE)) {
                        return expire(order, REASON_FAILURE, announced);
                    }
                    return Mono.empty();
                })
                .then(moveCampaign(campaign, CampaignTrigger.FINALIZE_FAILURE))
                .flatMap(finalized -> events.append(announced).thenReturn(new Finalized(finalized, null)));
    }

    private Mono<Finalized> succeed(Campaign campaign, List<Order> all, FinalizationPlan plan) {
        Map<String, Order> accounted = new HashMap<>();
        all.stream().filter(o -> o.status() == OrderStatus.ACCOUNTED).forEach(o -> accounted.put(o.orderId(), o));
        checkListsNameEveryAccountedOrderOnce(plan, accounted.keySet());
        List<Order> toExecute =
                plan.ordersToExecute().stream().map(accounted::get).toList();
        List<Order> toUndo = plan.ordersToUndo().stream().map(accounted::get).toList();
        Order toSplit = plan.orderToSplit() == null
                ? null
                : accounted.get(plan.orderToSplit().orderId());
        List<Order> executedOrSplit = new ArrayList<>(toExecute);
        if (toSplit != null) {
            executedOrSplit.add(toSplit);
        }
        Map<String, List<Moneyout>> moneyouts = new HashMap<>();
        return Flux.fromIterable(accounted.values().stream()
                        .sorted(java.util.Comparator.comparing(Order::orderId))
                        .toList())
                .concatMap(
                        order -> settlement.moneyoutsOf(order).doOnNext(outs -> moneyouts.put(order.orderId(), outs)))
                .then(Mono.defer(() -> {
                    checkNothingHeld(accounted.values(), moneyouts);
                    if (toSplit != null) {
                        checkSplit(toSplit, plan.orderToSplit());
                    }
                    BigDecimal executedCompany = sum(toExecute, Order::orderAmount)
                            .add(
                                    toSplit == null
                                            ? BigDecimal.ZERO
                                            : plan.orderToSplit().companyAmountToExecute());
                    BigDecimal executedFee = sum(toExecute, Order::feeAmount)
                            .add(
                                    toSplit == null
                                            ? BigDecimal.ZERO
                                            : plan.orderToSplit().feeAmountToExecute());
                    checkTargets(campaign, executedCompany);
                    BigDecimal successFee = Amounts.successFee(
                            campaign.terms().successFee().fixedAmount(),
                            campaign.terms().successFee().variableAmountPercentage(),
                            executedCompany);
                    BigDecimal cashoutAmount = executedCompany.subtract(successFee);
                    if (cashoutAmount.signum() < 0) {
                        throw new DomainException(
                                ErrorCode.SUCCESS_FEE_EXCEEDS_CASHOUT,
                                "The success fee "
                                        + successFee.toPlainString() + " exceeds the executed company amount "
                                        + executedCompany.toPlainString());
                    }
                    return apply(
                            campaign,
                            all,
                            toExecute,
                            toUndo,
                            toSplit,
                            plan,
                            moneyouts,
                            executedCompany,
                            executedFee,
                            successFee,
                            cashoutAmount);
                }));
    }

    private Mono<Finalized> apply(
            Campaign campaign,
            List<Order> all,
            List<Order> toExecute,
            List<Order> toUndo,
            Order toSplit,
            FinalizationPlan plan,
            Map<String, List<Moneyout>> moneyouts,
            BigDecimal executedCompany,
            BigDecimal executedFee,
            BigDecimal successFee,
            BigDecimal cashoutAmount) {
        String cashoutId = ids.next(IdPrefix.CASHOUT);
        List<OutboundEvent> announced = new ArrayList<>();
        Mono<Void> executed = Flux.fromIterable(toExecute)
                .concatMap(order -> settlement
                        .executeInFull(order, moneyouts.get(order.orderId()), cashoutId)
                        .doOnNext(announced::addAll)
                        .then(move(order, OrderTrigger.EXECUTE, REASON_SUCCESS, announced)))
                .then();
        Mono<Void> undone = Flux.fromIterable(toUndo)
                .concatMap(order -> refundAndMove(order, REASON_UNDONE, announced))
                .then();
        Mono<Void> split = toSplit == null
                ? Mono.empty()
                : settlement
                        .split(
                                toSplit,
                                moneyouts.get(toSplit.orderId()),
                                plan.orderToSplit().parts(),
                                cashoutId)
                        .doOnNext(announced::addAll)
                        .then(move(toSplit, OrderTrigger.EXECUTE, REASON_SUCCESS, announced));
        Mono<Void> expired = Flux.fromIterable(all)
                .filter(order -> OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE))
                .concatMap(order -> expire(order, REASON_SUCCESS, announced))
                .then();
        BigDecimal feePayout = executedFee.add(successFee);
        return executed.then(undone)
                .then(split)
                .then(expired)
                .then(Mono.zip(companies.byId(campaign.companyId()), portals.byId(campaign.portalId())))
                .flatMap(t -> settlement
                        .instructPayout(
                                InstructionType.CASHOUT,
                                campaign.portalId(),
                                campaign.campaignId(),
                                cashoutId,
                                cashoutAmount,
                                campaign.currency(),
                                t.getT1().iban().value(),
                                t.getT1().name(),
                                "Cashout of campaign " + campaign.campaignId())
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .zipWith(settlement
                                .instructPayout(
                                        InstructionType.FEE_PAYOUT,
                                        campaign.portalId(),
                                        campaign.campaignId(),
                                        cashoutId,
                                        feePayout,
                                        campaign.currency(),
                                        t.getT2().feeAccountIban().value(),
                                        t.getT2().name(),
                                        "Fees of campaign " + campaign.campaignId())
                                .map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()))
                        .flatMap(instructions -> {
                            PaymentInstruction cashoutInstruction =
                                    instructions.getT1().orElse(null);
                            PaymentInstruction feeInstruction =
                                    instructions.getT2().orElse(null);
                            List.of(instructions.getT1(), instructions.getT2())
                                    .forEach(i -> i.ifPresent(instruction ->
                                            announced.add(PaymentInstructionData.requested(instruction))));
                            Cashout cashout = new Cashout(
                                    cashoutId,
                                    campaign.campaignId(),
                                    campaign.portalId(),
                                    campaign.companyId(),
                                    executedCompany,
                                    executedFee,
                                    successFee,
                                    cashoutAmount,
                                    feePayout,
                                    campaign.currency(),
                                    t.getT1().iban().value(),
                                    cashoutInstruction == null ? null : cashoutInstruction.instructionId(),
                                    feeInstruction == null ? null : feeInstruction.instructionId(),
                                    clock.instant());
                            return cashouts.add(cashout);
                        }))
                .then(moveCampaign(campaign, CampaignTrigger.FINALIZE_SUCCESS))
                .flatMap(finalized -> events.append(announced)
                        .then(cashouts.ofCampaign(campaign.campaignId()))
                        .map(cashout -> new Finalized(finalized, cashout)));
    }

    private Mono<Void> refundAndMove(Order order, String reason, List<OutboundEvent> announced) {
        return refunds.refundInFull(order, reason)
                .onErrorMap(
                        DomainException.class,
                        e -> e.code() == ErrorCode.ILLEGAL_TRANSITION
                                ? new DomainException(ErrorCode.MONEYOUTS_HELD, e.getMessage())
                                : e)
                .doOnNext(announced::addAll)
                .then(move(order, OrderTrigger.REFUND, reason, announced));
    }

    private Mono<Void> expire(Order order, String reason, List<OutboundEvent> announced) {
        return move(order, OrderTrigger.EXPIRE, reason, announced);
    }

    private Mono<Void> move(Order order, OrderTrigger trigger, String reason, List<OutboundEvent> announced) {
        return moves.move(order, trigger, reason)
                .doOnNext(moved -> announced.add(moved.event()))
                .then();
    }

    private Mono<Campaign> moveCampaign(Campaign campaign, CampaignTrigger trigger) {
        java.time.Instant now = clock.instant();
        Transition<CampaignStatus, CampaignTrigger> row = CampaignTransitions.row(campaign, trigger);
        return campaigns
                .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                .flatMap(moved -> moved
                        ? Mono.just(campaign.moved(row, now))
                        : Mono.error(new IllegalStateException("campaign moved under its lock")));
    }

    private static void requireClosed(Campaign campaign, CampaignStatus target) {
        if (campaign.status() != CampaignStatus.CLOSED) {
            throw DomainException.illegalTransition("Campaign", campaign.campaignId(), campaign.status(), target);
        }
    }

    /** Every ACCOUNTED order appears exactly once across the lists, and nothing else does. */
    private static void checkListsNameEveryAccountedOrderOnce(FinalizationPlan plan, Set<String> accounted) {
        List<String> listed = new ArrayList<>(plan.ordersToExecute());
        listed.addAll(plan.ordersToUndo());
        if (plan.orderToSplit() != null) {
            listed.add(plan.orderToSplit().orderId());
        }
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (String id : listed) {
            if (!seen.add(id)) {
                twice.add(id);
            }
        }
        Set<String> missing = new TreeSet<>(accounted);
        missing.removeAll(seen);
        Set<String> notAccounted = new TreeSet<>(seen);
        notAccounted.removeAll(accounted);
        if (!twice.isEmpty() || !missing.isEmpty() || !notAccounted.isEmpty()) {
            StringBuilder detail = new StringBuilder("The lists must name every ACCOUNTED order exactly once.");
            if (!missing.isEmpty()) {
                detail.append(" Not listed: ").append(missing).append('.');
            }
            if (!notAccounted.isEmpty()) {
                detail.append(" Not ACCOUNTED (or not of this campaign): ")
                        .append(notAccounted)
                        .append('.');
            }
            if (!twice.isEmpty()) {
                detail.append(" Listed more than once: ").append(twice).append('.');
            }
            throw new DomainException(ErrorCode.ACCOUNTED_ORDERS_CHANGED, detail.toString());
        }
    }

    private static void checkNothingHeld(java.util.Collection<Order> accounted, Map<String, List<Moneyout>> moneyouts) {
        Set<String> held = new LinkedHashSet<>();
        for (Order order : accounted) {
            if (moneyouts.get(order.orderId()).stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD)) {
                held.add(order.orderId());
            }
        }
        if (!held.isEmpty()) {
            throw new DomainException(
                    ErrorCode.MONEYOUTS_HELD,
                    "Orders " + held + " have moneyouts held by a chargeback; resolve the chargebacks first");
        }
    }

    private static void checkSplit(Order order, FinalizationPlan.OrderSplit split) {
        boolean companyAddsUp =
                split.companyAmountToExecute().add(split.companyAmountToUndo()).compareTo(order.orderAmount()) == 0;
        boolean feeAddsUp =
                split.feeAmountToExecute().add(split.feeAmountToUndo()).compareTo(order.feeAmount()) == 0;
        if (!companyAddsUp || !feeAddsUp) {
            throw new DomainException(
                    ErrorCode.SPLIT_MISMATCH,
                    "Order " + order.orderId() + " has orderAmount "
                            + order.orderAmount().toPlainString() + " and feeAmount "
                            + order.feeAmount().toPlainString()
                            + "; the split parts must add up to them");
        }
    }

    private static void checkTargets(Campaign campaign, BigDecimal executed) {
        if (executed.compareTo(campaign.targetAmountMin()) < 0) {
            throw new DomainException(
                    ErrorCode.TARGET_NOT_MET,
                    "Executed company amount " + executed.toPlainString() + " is below targetAmountMin "
                            + campaign.targetAmountMin().toPlainString());
        }
        if (executed.compareTo(campaign.targetAmountMax()) > 0) {
            throw new DomainException(
                    ErrorCode.TARGET_EXCEEDED,
                    "Executed company amount "
                            + executed.toPlainString() + " is above targetAmountMax "
                            + campaign.targetAmountMax().toPlainString());
        }
    }

    private static BigDecimal sum(List<Order> orders, java.util.function.Function<Order, BigDecimal> amount) {
        return orders.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
