package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.refund.PaymentRefunds;
import io.crowdrecon.recon.payment.refund.Refunds;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The money side of a successful campaign: executing an order's moneyouts, splitting an order
 * into an executed and a refunded part, and instructing the cashout and the fee payout. Every
 * method expects the orders locked by the caller's transaction and emits the events to append.
 */
public class Settlement {

    /** How one order is split: each part ≥ 0; company parts add up to orderAmount, fee parts to feeAmount. */
    public record Split(
            BigDecimal companyToExecute, BigDecimal companyToUndo, BigDecimal feeToExecute, BigDecimal feeToUndo) {}

    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final Refunds refunds;
    private final PaymentInstructions instructions;
    private final PaymentRefunds paymentRefunds;
    private final ReleasePolicy approval;
    private final IdGenerator ids;
    private final Clock clock;

    public Settlement(
            Moneyins moneyins,
            Moneyouts moneyouts,
            Refunds refunds,
            PaymentInstructions instructions,
            PaymentRefunds paymentRefunds,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            IdGenerator ids,
            Clock clock) {
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.refunds = refunds;
        this.instructions = instructions;
        this.paymentRefunds = paymentRefunds;
        this.approval = approval;
        this.ids = ids;
        this.clock = clock;
    }

    /** The order's standing moneyouts, locked. */
    public Mono<List<Moneyout>> moneyoutsOf(Order order) {
        return moneyouts.lockOfOrder(order.orderId()).collectList();
    }

    /** Every AVAILABLE moneyout of the order EXECUTED; COMPANY ones linked to the cashout. */
    public Mono<List<OutboundEvent>> executeInFull(Order order, List<Moneyout> outs, CashoutId cashoutId) {
        Instant now = clock.instant();
        Transition<MoneyoutStatus, MoneyoutTrigger> execute = MoneyoutTransitions.row(MoneyoutTrigger.EXECUTE);
        List<Moneyout> executed = outs.stream()
                .filter(m -> execute.from().contains(m.status()))
                .map(m -> m.moved(execute, now))
                .toList();
        return moneyouts
                .moveAll(ids(executed), execute, now)
                .then(moneyouts.assignCashout(companyIds(executed), cashoutId))
                .thenReturn(
                        executed.stream().map(MoneyoutMessage::statusChanged).toList());
    }

    /**
     * Replaces each moneyout of the order by its executed part (EXECUTED) and its undone part
     * (REVERSED), linked to it, and refunds the undone parts to the payer. Parts of 0 are not
     * created, nor is a refund of 0.
     */
    public Mono<List<OutboundEvent>> split(Order order, List<Moneyout> outs, Split split, CashoutId cashoutId) {
        Instant now = clock.instant();
        List<Moneyout> parts = new ArrayList<>();
        List<OutboundEvent> events = new ArrayList<>();
        for (Moneyout original : outs) {
            boolean company = original.type() == MoneyoutType.COMPANY;
            BigDecimal execute = company ? split.companyToExecute() : split.feeToExecute();
            BigDecimal undo = company ? split.companyToUndo() : split.feeToUndo();
            part(original, execute, MoneyoutStatus.EXECUTED, now).ifPresent(parts::add);
            part(original, undo, MoneyoutStatus.REVERSED, now).ifPresent(parts::add);
        }
        parts.forEach(part -> events.add(MoneyoutMessage.created(part)));
        Money undone = order.money(split.companyToUndo()).plus(order.money(split.feeToUndo()));
        List<MoneyoutId> executedCompany = parts.stream()
                .filter(p -> p.type() == MoneyoutType.COMPANY && p.status() == MoneyoutStatus.EXECUTED)
                .map(Moneyout::moneyoutId)
                .toList();
        Mono<List<OutboundEvent>> refund = undone.isZero()
                ? Mono.just(List.of())
                : moneyins.lockLiveOfOrder(order.orderId())
                        .flatMap(moneyin ->
                                paymentRefunds.instructRefund(order, moneyin, undone.amount(), "ORDER_SPLIT"));
        return moneyouts
                .markReplaced(ids(outs), now)
                .then(moneyouts.addAll(parts))
                .then(moneyouts.assignCashout(executedCompany, cashoutId))
                .then(refund)
                .map(refundEvents -> {
                    events.addAll(refundEvents);
                    return events;
                });
    }

    /**
     * A CASHOUT or FEE_PAYOUT instruction of a campaign, AWAITING_APPROVAL when {@link ReleasePolicy} asks (every
     * cashout), else CREATED; none (empty) when the amount is 0.
     */
    public Mono<PaymentInstruction> instructPayout(
            InstructionType type,
            PortalId portalId,
            CampaignId campaignId,
            CashoutId cashoutId,
            BigDecimal amount,
            String currency,
            String iban,
            String creditorName,
            String remittance) {
        Money payout = Money.of(amount, currency);
        if (payout.isZero()) {
            return Mono.empty();
        }
        PaymentInstruction instruction = PaymentInstruction.create(
                ids.nextInstructionId(),
                type,
                PaymentChannel.BANK_TRANSFER,
                approval.initialStatus(type, payout, true),
                payout.amount(),
                payout.currency(),
                iban,
                creditorName,
                null,
                remittance,
                portalId,
                null,
                null,
                campaignId,
                null,
                cashoutId,
                null,
                clock.instant());
        return instructions.addAll(List.of(instruction)).thenReturn(instruction);
    }

    private java.util.Optional<Moneyout> part(
            Moneyout original, BigDecimal amount, MoneyoutStatus status, Instant now) {
        Money money = Money.of(amount, original.currency());
        if (money.isZero()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Moneyout(
                ids.nextMoneyoutId(),
                original.orderId(),
                original.moneyinId(),
                original.portalId(),
                original.campaignId(),
                original.companyId(),
                original.type(),
                status,
                money.amount(),
                money.currency(),
                original.moneyoutId(),
                now,
                status == MoneyoutStatus.EXECUTED ? now : null));
    }

    private static List<MoneyoutId> ids(List<Moneyout> outs) {
        return outs.stream().map(Moneyout::moneyoutId).toList();
    }

    private static List<MoneyoutId> companyIds(List<Moneyout> outs) {
        return outs.stream()
                .filter(m -> m.type() == MoneyoutType.COMPANY)
                .map(Moneyout::moneyoutId)
                .toList();
    }
}
