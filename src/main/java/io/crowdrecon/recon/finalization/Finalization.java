package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTransitions;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.finalization.FinalizationDecision.AlreadyFinalized;
import io.crowdrecon.recon.finalization.FinalizationDecision.AlreadyWaiting;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInFull;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInPart;
import io.crowdrecon.recon.finalization.FinalizationDecision.Expire;
import io.crowdrecon.recon.finalization.FinalizationDecision.Failure;
import io.crowdrecon.recon.finalization.FinalizationDecision.Payout;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refund;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refused;
import io.crowdrecon.recon.finalization.FinalizationDecision.Step;
import io.crowdrecon.recon.finalization.FinalizationDecision.Success;
import io.crowdrecon.recon.finalization.FinalizationDecision.WaitForClearing;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of ending a CLOSED campaign (SPEC sections 4 and 7), from facts the caller locked to a
 * {@link FinalizationDecision}. Plain Java: no I/O. Refusals, in the order they are looked for: the campaign is not
 * CLOSED ({@code ILLEGAL_TRANSITION}); {@code ordersToExecute} is empty ({@code NO_ORDERS_TO_EXECUTE}); the lists do not name every ACCOUNTED order exactly once
 * ({@code ACCOUNTED_ORDERS_CHANGED}); a chargeback holds moneyouts ({@code MONEYOUTS_HELD}); the split parts do not
 * add up ({@code SPLIT_MISMATCH}); the executed company amount is below targetAmountMin ({@code TARGET_NOT_MET}); the
 * success fee exceeds it ({@code SUCCESS_FEE_EXCEEDS_CASHOUT}). targetAmountMax limits nothing (Fabrick v4: "this limit
 * does not imply any operational limitation"): an executed amount above it is only reported, see {@link #overfunded}.
 */
public final class Finalization {

    public static final String REASON_SUCCESS = "CAMPAIGN_FINALIZED_SUCCESS";
    public static final String REASON_FAILURE = "CAMPAIGN_FINALIZED_FAIL";
    public static final String REASON_UNDONE = "UNDONE_AT_FINALIZATION";

    private Finalization() {}

    /**
     * Decided by the campaign's status alone: {@link AlreadyFinalized} when it already ended the way {@code trigger}
     * ends it, {@link AlreadyWaiting} for a success asked again while FINALIZING, {@link Refused}
     * ({@code ILLEGAL_TRANSITION}) when the campaign's table has no such move (a failure may give up waiting: FINALIZING
     * → FINALIZED_FAIL); empty when its orders decide.
     */
    public static Optional<FinalizationDecision> byCampaignStatus(Campaign campaign, CampaignTrigger trigger) {
        CampaignStatus target = CampaignTransitions.next(CampaignStatus.CLOSED, trigger)
                .orElseThrow(() -> new IllegalArgumentException(trigger + " does not finalize a campaign"));
        if (campaign.status() == target) {
            return Optional.of(new AlreadyFinalized());
        }
        if (campaign.status() == CampaignStatus.FINALIZING && trigger == CampaignTrigger.FINALIZE_SUCCESS) {
            // Already accepted, waiting for its funds: answered as the first request was.
            return Optional.of(new AlreadyWaiting());
        }
        if (!CampaignTransitions.allows(campaign.status(), trigger)) {
            return Optional.of(Refused.by(DomainException.illegalTransition(
                    "Campaign", campaign.campaignId().value(), campaign.status(), target)));
        }
        return Optional.empty();
    }

    /**
     * Whether a finalization executing {@code executedCompanyAmount} went beyond the campaign's targetAmountMax: reported
     * as {@code overfunded}, never refused.
     */
    public static boolean overfunded(Campaign campaign, BigDecimal executedCompanyAmount) {
        return Money.of(executedCompanyAmount, campaign.currency()).isGreaterThan(campaign.targetMax());
    }

    /** The orders whose moneyouts a finalization looks at: the ACCOUNTED ones, by id (the order they are locked in). */
    public static List<Order> accounted(List<Order> orders) {
        return orders.stream()
                .filter(order -> order.status() == OrderStatus.ACCOUNTED)
                .sorted(Comparator.comparing(order -> order.orderId().value()))
                .toList();
    }

    /**
     * {@code finalized-success} by {@code plan}.
     *
     * @param orders every order of the campaign, in the order their lock returned them
     * @param moneyouts the standing moneyouts of each {@link #accounted} order, by orderId
     * @param company the campaign's company: the cashout goes to its IBAN
     * @param portal the campaign's portal: the fees go to its fee account
     */
    public static FinalizationDecision succeed(
            Campaign campaign,
            List<Order> orders,
            Map<OrderId, List<Moneyout>> moneyouts,
            FinalizationPlan plan,
            Company company,
            Portal portal) {
        return succeed(campaign, orders, moneyouts, plan, company, portal, MoneyControls.none(Instant.EPOCH));
    }

    /**
     * {@code finalized-success} by {@code plan} under the money controls of issue 23: after the lists, an order to
     * execute (in full or in part) under a compliance hold refuses it ({@code ORDERS_ON_HOLD}), then one still in its
     * reflection period ({@code REFLECTION_PERIOD_OPEN}), then one paid with funds not yet cleared
     * ({@code FUNDS_NOT_CLEARED}, or {@link WaitForClearing} when the plan says {@code executeWhenCleared} and nothing
     * else refuses it). An order under a hold may still be undone.
     */
    public static FinalizationDecision succeed(
            Campaign campaign,
            List<Order> orders,
            Map<OrderId, List<Moneyout>> moneyouts,
            FinalizationPlan plan,
            Company company,
            Portal portal,
            MoneyControls controls) {
        Optional<FinalizationDecision> byStatus = byCampaignStatus(campaign, CampaignTrigger.FINALIZE_SUCCESS);
        if (byStatus.isPresent()) {
            return byStatus.get();
        }
        if (plan.ordersToExecute().isEmpty()) {
            // Fabrick v4 requires one: a success executes orders in full (a split alone does not count); a campaign
            // executing nothing ends with finalized-failure.
            return new Refused(
                    ErrorCode.NO_ORDERS_TO_EXECUTE,
                    "ordersToExecute must hold at least one order; a campaign that executes none ends with"
                            + " finalized-failure");
        }
        return decide(campaign, CampaignTrigger.FINALIZE_SUCCESS, orders, moneyouts, plan, company, portal, controls);
    }

    /**
     * The clearing job's look at a FINALIZING campaign and the plan it waits with: a {@link Success} (moved on
     * {@link CampaignTrigger#FUNDS_CLEARED}) once every order to execute has cleared, a {@link WaitForClearing} until
     * then, or the {@link Refused} that now stands in its way (the job then cancels the finalization).
     */
    public static FinalizationDecision resume(
            Campaign campaign,
            List<Order> orders,
            Map<OrderId, List<Moneyout>> moneyouts,
            FinalizationPlan plan,
            Company company,
            Portal portal,
            MoneyControls controls) {
        if (campaign.status() != CampaignStatus.FINALIZING) {
            throw new IllegalArgumentException("campaign " + campaign.campaignId() + " is not FINALIZING");
        }
        FinalizationPlan waiting =
                new FinalizationPlan(plan.ordersToExecute(), plan.ordersToUndo(), plan.orderToSplit(), true);
        return decide(campaign, CampaignTrigger.FUNDS_CLEARED, orders, moneyouts, waiting, company, portal, controls);
    }

    private static FinalizationDecision decide(
            Campaign campaign,
            CampaignTrigger move,
            List<Order> orders,
            Map<OrderId, List<Moneyout>> moneyouts,
            FinalizationPlan plan,
            Company company,
            Portal portal,
            MoneyControls controls) {
        // By the id as the portal's plan spells it: the plan is the portal's text, checked against these ids.
        Map<String, Order> accounted = new LinkedHashMap<>();
        accounted(orders).forEach(order -> accounted.put(order.orderId().value(), order));
        Optional<Refused> refused = listsNameEveryAccountedOrderOnce(plan, accounted.keySet());
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Order> executed = executed(plan, accounted);
        Optional<Refused> controlled = noneOnHold(executed, controls).or(() -> noneRevocable(executed, controls));
        if (controlled.isPresent()) {
            return controlled.get();
        }
        List<Order> uncleared = executed.stream()
                .filter(order -> controls.uncleared(order.orderId()))
                .toList();
        Optional<Refused> notCleared = uncleared.isEmpty() || plan.executeWhenCleared()
                ? Optional.empty()
                : Optional.of(notCleared(uncleared, controls));
        if (notCleared.isPresent()) {
            return notCleared.get();
        }
        // Compliance-held orders may only be undone, which reverses their HELD moneyouts: a chargeback's hold refuses.
        List<Order> mayBeHeldByChargeback = accounted.values().stream()
                .filter(order -> !controls.isHeld(order.orderId()))
                .toList();
        refused = nothingHeld(mayBeHeldByChargeback, moneyouts).or(() -> splitAddsUp(plan, accounted));
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Order> toExecute =
                plan.ordersToExecute().stream().map(accounted::get).toList();
        List<Order> toUndo = plan.ordersToUndo().stream().map(accounted::get).toList();
        FinalizationPlan.OrderSplit split = plan.orderToSplit();
        String currency = campaign.currency();
        Money executedCompany = toExecute.stream()
                .map(Order::orderPart)
                .collect(Money.sum(currency))
                .plus(split == null ? Money.zero(currency) : Money.of(split.companyAmountToExecute(), currency));
        Money executedFee = toExecute.stream()
                .map(Order::fee)
                .collect(Money.sum(currency))
                .plus(split == null ? Money.zero(currency) : Money.of(split.feeAmountToExecute(), currency));
        Money successFee = Money.of(
                Amounts.successFee(
                        campaign.terms().successFee().fixedAmount(),
                        campaign.terms().successFee().variableAmountPercentage(),
                        executedCompany.amount()),
                currency);
        Money cashoutAmount = executedCompany.minus(successFee);
        Optional<Refused> outOfBounds =
                reachesTargetMin(campaign, executedCompany).or(() -> feeWithinCashout(successFee, executedCompany));
        if (outOfBounds.isPresent()) {
            return outOfBounds.get();
        }
        if (!uncleared.isEmpty()) {
            Instant last = uncleared.stream()
                    .map(order -> Objects.requireNonNull(controls.clearsAt().get(order.orderId())))
                    .max(Instant::compareTo)
                    .orElseThrow();
            return new WaitForClearing(campaign, plan, last);
        }
        List<Step> steps = new ArrayList<>();
        toExecute.forEach(
                order -> steps.add(new ExecuteInFull(order, standing(moneyouts, order.orderId()), REASON_SUCCESS)));
        toUndo.forEach(order -> steps.add(new Refund(order, REASON_UNDONE)));
        if (split != null) {
            // splitAddsUp refused a split of an order that is not accounted.
            Order order = Objects.requireNonNull(accounted.get(split.orderId()), "the split order is accounted");
            steps.add(new ExecuteInPart(order, standing(moneyouts, order.orderId()), split.parts(), REASON_SUCCESS));
        }
        orders.stream()
                .filter(order -> OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE))
                .forEach(order -> steps.add(new Expire(order, REASON_SUCCESS)));
        String campaignId = campaign.campaignId().value();
        return new Success(
                campaign,
                move,
                steps,
                executedCompany.amount(),
                executedFee.amount(),
                successFee.amount(),
                new Payout(
                        InstructionType.CASHOUT,
                        cashoutAmount.amount(),
                        company.iban().value(),
                        company.name(),
                        "Cashout of campaign " + campaignId),
                new Payout(
                        InstructionType.FEE_PAYOUT,
                        executedFee.plus(successFee).amount(),
                        portal.feeAccountIban().value(),
                        portal.name(),
                        "Fees of campaign " + campaignId));
    }

    /**
     * {@code finalized-failure}: each order in turn, every ACCOUNTED one refunded, every payable one expired, the
     * others left as they are.
     *
     * @param orders every order of the campaign, in the order their lock returned them
     * @param moneyouts the standing moneyouts of each {@link #accounted} order, by orderId
     */
    public static FinalizationDecision fail(
            Campaign campaign, List<Order> orders, Map<OrderId, List<Moneyout>> moneyouts) {
        return fail(campaign, orders, moneyouts, MoneyControls.none(Instant.EPOCH));
    }

    /**
     * {@code finalized-failure} under the money controls: an order under a compliance hold is refunded like the others
     * (its HELD moneyouts reversed); a chargeback's hold still refuses.
     */
    public static FinalizationDecision fail(
            Campaign campaign, List<Order> orders, Map<OrderId, List<Moneyout>> moneyouts, MoneyControls controls) {
        Optional<FinalizationDecision> byStatus = byCampaignStatus(campaign, CampaignTrigger.FINALIZE_FAILURE);
        if (byStatus.isPresent()) {
            return byStatus.get();
        }
        List<Step> steps = new ArrayList<>();
        for (Order order : orders) {
            if (OrderTransitions.allows(order.status(), OrderTrigger.REFUND)) {
                if (!controls.isHeld(order.orderId()) && isHeld(moneyouts.getOrDefault(order.orderId(), List.of()))) {
                    return new Refused(
                            ErrorCode.MONEYOUTS_HELD,
                            "Order " + order.orderId()
                                    + " has moneyouts held by a chargeback; resolve the chargeback first");
                }
                steps.add(new Refund(order, REASON_FAILURE));
            } else if (OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE)) {
                steps.add(new Expire(order, REASON_FAILURE));
            }
        }
        return new Failure(steps);
    }

    /** The orders whose money the plan executes: in full, then the split one. */
    private static List<Order> executed(FinalizationPlan plan, Map<String, Order> accounted) {
        List<Order> executed = new ArrayList<>();
        plan.ordersToExecute().forEach(id -> executed.add(Objects.requireNonNull(accounted.get(id))));
        if (plan.orderToSplit() != null) {
            executed.add(
                    Objects.requireNonNull(accounted.get(plan.orderToSplit().orderId())));
        }
        return executed;
    }

    private static Optional<Refused> noneOnHold(List<Order> executed, MoneyControls controls) {
        List<Map<String, Object>> held = new ArrayList<>();
        for (Order order : executed) {
            List<HoldId> holds = controls.holds().get(order.orderId());
            if (holds != null) {
                held.add(listed(
                        order, "holdIds", holds.stream().map(HoldId::value).toList()));
            }
        }
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refused(
                ErrorCode.ORDERS_ON_HOLD,
                "Orders " + idsOf(held) + " are under a compliance hold: release the holds, or undo the orders",
                held));
    }

    private static Optional<Refused> noneRevocable(List<Order> executed, MoneyControls controls) {
        List<Map<String, Object>> open = new ArrayList<>();
        for (Order order : executed) {
            if (controls.inReflectionPeriod(order.orderId())) {
                open.add(listed(
                        order,
                        "reflectionPeriodEndsAt",
                        Objects.requireNonNull(controls.reflectionEndsAt().get(order.orderId()))));
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refused(
                ErrorCode.REFLECTION_PERIOD_OPEN,
                "Orders " + idsOf(open) + " may still be revoked by their investors: finalize after their reflection"
                        + " periods end",
                open));
    }

    private static Refused notCleared(List<Order> uncleared, MoneyControls controls) {
        List<Map<String, Object>> listed = uncleared.stream()
                .map(order -> listed(
                        order,
                        "clearsAt",
                        Objects.requireNonNull(controls.clearsAt().get(order.orderId()))))
                .toList();
        return new Refused(
                ErrorCode.FUNDS_NOT_CLEARED,
                "Orders " + idsOf(listed) + " were paid with funds the bank can still recall: finalize once they"
                        + " clear, or ask with \"executeWhenCleared\": true",
                listed);
    }

    /** An order as a refusal's {@code orders} member lists it: its id first, then what it is listed for. */
    private static Map<String, Object> listed(Order order, String member, Object value) {
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("orderId", order.orderId().value());
        listed.put(member, value);
        return Collections.unmodifiableMap(listed);
    }

    private static List<Object> idsOf(List<Map<String, Object>> orders) {
        return orders.stream().map(order -> order.get("orderId")).toList();
    }

    /** Every ACCOUNTED order appears exactly once across the lists, and nothing else does. */
    private static Optional<Refused> listsNameEveryAccountedOrderOnce(FinalizationPlan plan, Set<String> accounted) {
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
        if (twice.isEmpty() && missing.isEmpty() && notAccounted.isEmpty()) {
            return Optional.empty();
        }
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
        return Optional.of(new Refused(ErrorCode.ACCOUNTED_ORDERS_CHANGED, detail.toString()));
    }

    /** A chargeback holding any moneyout of any ACCOUNTED order (executed, undone or split alike) refuses it all. */
    private static Optional<Refused> nothingHeld(Collection<Order> accounted, Map<OrderId, List<Moneyout>> moneyouts) {
        Set<String> held = new LinkedHashSet<>();
        for (Order order : accounted) {
            if (isHeld(standing(moneyouts, order.orderId()))) {
                held.add(order.orderId().value());
            }
        }
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refused(
                ErrorCode.MONEYOUTS_HELD,
                "Orders " + held + " have moneyouts held by a chargeback; resolve the chargebacks first"));
    }

    private static Optional<Refused> splitAddsUp(FinalizationPlan plan, Map<String, Order> accounted) {
        FinalizationPlan.OrderSplit split = plan.orderToSplit();
        if (split == null) {
            return Optional.empty();
        }
        // listsNameEveryAccountedOrderOnce, checked first, refused a plan naming an order that is not accounted.
        Order order = Objects.requireNonNull(accounted.get(split.orderId()), "the split order is accounted");
        boolean companyAddsUp = order.money(split.companyAmountToExecute())
                .plus(order.money(split.companyAmountToUndo()))
                .equals(order.orderPart());
        boolean feeAddsUp = order.money(split.feeAmountToExecute())
                .plus(order.money(split.feeAmountToUndo()))
                .equals(order.fee());
        if (companyAddsUp && feeAddsUp) {
            return Optional.empty();
        }
        return Optional.of(new Refused(
                ErrorCode.SPLIT_MISMATCH,
                "Order " + order.orderId() + " has orderAmount "
                        + order.orderAmount().toPlainString() + " and feeAmount "
                        + order.feeAmount().toPlainString()
                        + "; the split parts must add up to them"));
    }

    private static Optional<Refused> reachesTargetMin(Campaign campaign, Money executed) {
        if (executed.isLessThan(campaign.targetMin())) {
            return Optional.of(new Refused(
                    ErrorCode.TARGET_NOT_MET,
                    "Executed company amount " + written(executed) + " is below targetAmountMin "
                            + written(campaign.targetMin())));
        }
        return Optional.empty();
    }

    private static Optional<Refused> feeWithinCashout(Money successFee, Money executedCompany) {
        if (!successFee.isGreaterThan(executedCompany)) {
            return Optional.empty();
        }
        return Optional.of(new Refused(
                ErrorCode.SUCCESS_FEE_EXCEEDS_CASHOUT,
                "The success fee "
                        + written(successFee) + " exceeds the executed company amount "
                        + written(executedCompany)));
    }

    /** An amount in a refusal's detail: nothing at all reads {@code 0}, as the answer has always said. */
    private static String written(Money money) {
        return money.isZero() ? "0" : money.amount().toPlainString();
    }

    /** Every accounted order's standing moneyouts are loaded by the caller (the {@code moneyouts} parameter). */
    private static List<Moneyout> standing(Map<OrderId, List<Moneyout>> moneyouts, OrderId orderId) {
        return Objects.requireNonNull(moneyouts.get(orderId), "the moneyouts of an accounted order are loaded");
    }

    private static boolean isHeld(List<Moneyout> moneyouts) {
        return moneyouts.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD);
    }
}
