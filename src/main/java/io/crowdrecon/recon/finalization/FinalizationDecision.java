package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InstructionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What finalizing a campaign comes to: the outcome of {@link Finalization#succeed} and {@link Finalization#fail}
 * (SPEC sections 4 and 7). A {@link Success} or {@link Failure} lists its order steps in the order they are carried
 * out; each step moves one order along its table after the money side of it.
 */
public sealed interface FinalizationDecision {

    /**
     * Refused: nothing changes and the request answers {@code code} with {@code detail}.
     *
     * @param orders the orders the refusal is about, each as its problem document lists it (ORDERS_ON_HOLD,
     *     REFLECTION_PERIOD_OPEN, FUNDS_NOT_CLEARED); empty for the others
     */
    record Refused(ErrorCode code, String detail, List<Map<String, Object>> orders) implements FinalizationDecision {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            orders = List.copyOf(orders);
        }

        public Refused(ErrorCode code, String detail) {
            this(code, detail, List.of());
        }

        static Refused by(DomainException refusal) {
            return new Refused(refusal.code(), refusal.detail());
        }

        /** The refusal as the web layer answers it. */
        public DomainException exception() {
            DomainException refusal = new DomainException(code, detail);
            if (orders.isEmpty()) {
                return refusal;
            }
            refusal = refusal.with("orders", orders);
            if (code == ErrorCode.FUNDS_NOT_CLEARED) {
                // When the last of them clears: what a portal waits for.
                refusal = refusal.with(
                        "clearsAt",
                        orders.stream()
                                .map(order -> (Instant) order.get("clearsAt"))
                                .max(Instant::compareTo)
                                .orElseThrow());
            }
            return refusal;
        }
    }

    /** The campaign is FINALIZING: the request answers the waiting campaign and changes nothing. */
    record AlreadyWaiting() implements FinalizationDecision {}

    /**
     * {@code finalized-success} with {@code executeWhenCleared} while orders to execute have not cleared, everything
     * else in order: the campaign waits in FINALIZING with its plan, and the clearing job finalizes it once
     * {@code clearsAt} has passed.
     *
     * @param clearsAt when the last order to execute clears
     */
    record WaitForClearing(Campaign campaign, FinalizationPlan plan, Instant clearsAt) implements FinalizationDecision {

        public CampaignTrigger campaignMove() {
            return CampaignTrigger.WAIT_FOR_CLEARING;
        }
    }

    /** The campaign already ended this way: the request answers as the first one did and changes nothing. */
    record AlreadyFinalized() implements FinalizationDecision {}

    /**
     * {@code finalized-success} (or the clearing job, {@link CampaignTrigger#FUNDS_CLEARED}): carry out {@code steps} (executions in the plan's order, then undone orders, then the
     * split, then the expiries of payable orders), instruct the two payouts, record the cashout, move the campaign.
     *
     * @param executedCompanyAmount Σ orderAmount executed in full + the split's company part to execute
     * @param executedFeeAmount Σ feeAmount executed in full + the split's fee part to execute
     * @param successFee the portal's success fee on {@code executedCompanyAmount}
     * @param toCompany the CASHOUT: executed company amount − success fee, to the company's IBAN
     * @param toPortal the FEE_PAYOUT: executed fee amount + success fee, to the portal's fee account
     */
    record Success(
            Campaign campaign,
            CampaignTrigger campaignMove,
            List<Step> steps,
            BigDecimal executedCompanyAmount,
            BigDecimal executedFeeAmount,
            BigDecimal successFee,
            Payout toCompany,
            Payout toPortal)
            implements FinalizationDecision {

        public Success {
            steps = List.copyOf(steps);
        }

        /** The executed company amount is above targetAmountMax: allowed, and said in the answer. */
        public boolean overfunded() {
            return Finalization.overfunded(campaign, executedCompanyAmount);
        }

        /** The cashout record once its payouts are instructed (an instruction id is null when its payout is 0). */
        public Cashout cashout(
                CashoutId cashoutId,
                @Nullable InstructionId cashoutInstructionId,
                @Nullable InstructionId feePayoutInstructionId,
                Instant at) {
            return new Cashout(
                    cashoutId,
                    campaign.campaignId(),
                    campaign.portalId(),
                    campaign.companyId(),
                    executedCompanyAmount,
                    executedFeeAmount,
                    successFee,
                    toCompany.amount(),
                    toPortal.amount(),
                    campaign.currency(),
                    toCompany.iban(),
                    cashoutInstructionId,
                    feePayoutInstructionId,
                    at);
        }
    }

    /** {@code finalized-failure}: carry out {@code steps} (the campaign's orders in turn), move the campaign. */
    record Failure(List<Step> steps) implements FinalizationDecision {

        public Failure {
            steps = List.copyOf(steps);
        }

        public CampaignTrigger campaignMove() {
            return CampaignTrigger.FINALIZE_FAILURE;
        }
    }

    /** One order's part in a finalization: the money side of it, then its move on {@link #trigger()}. */
    sealed interface Step {

        Order order();

        OrderTrigger trigger();

        /** The reason recorded with the order's move. */
        String reason();
    }

    /** Every AVAILABLE moneyout of the order executed, its COMPANY ones linked to the cashout; order → SPLITTED. */
    record ExecuteInFull(Order order, List<Moneyout> moneyouts, String reason) implements Step {
        public ExecuteInFull {
            moneyouts = List.copyOf(moneyouts);
        }

        @Override
        public OrderTrigger trigger() {
            return OrderTrigger.EXECUTE;
        }
    }

    /** Each moneyout of the order replaced by an executed and a reversed part, the undone parts refunded; → SPLITTED. */
    record ExecuteInPart(Order order, List<Moneyout> moneyouts, Settlement.Split parts, String reason) implements Step {
        public ExecuteInPart {
            moneyouts = List.copyOf(moneyouts);
        }

        @Override
        public OrderTrigger trigger() {
            return OrderTrigger.EXECUTE;
        }
    }

    /** The order's moneyouts reversed and its totalAmount refunded to its payer; order → REFUNDED. */
    record Refund(Order order, String reason) implements Step {
        @Override
        public OrderTrigger trigger() {
            return OrderTrigger.REFUND;
        }
    }

    /** A payable order that will never be paid now; order → EXPIRED, no money moves. */
    record Expire(Order order, String reason) implements Step {
        @Override
        public OrderTrigger trigger() {
            return OrderTrigger.EXPIRE;
        }
    }

    /** A CASHOUT or FEE_PAYOUT instruction to make (none when {@code amount} is 0). */
    record Payout(InstructionType type, BigDecimal amount, String iban, String creditorName, String remittance) {}
}
