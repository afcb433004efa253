package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.RefundId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts of the books a statement or a ledger is built from, as loaded (amounts in their currency's major unit).
 * Nothing here decides: {@link StatementBuilder} and {@link LedgerBuilder} do.
 *
 * @param orders the orders in scope (an investor's in a period, or a campaign's)
 * @param payments every moneyin of those orders, recalled ones included
 * @param refunds every refund of those orders, with its current instruction
 * @param executed the live moneyouts EXECUTED into shares (a split's executed parts, never the replaced moneyout)
 * @param chargebacks card chargebacks reversed by ops
 * @param payouts the live CASHOUT and FEE_PAYOUT instructions of the campaign's cashout (ledger only)
 */
public record MoneyFacts(
        List<OrderFact> orders,
        List<Payment> payments,
        List<Refund> refunds,
        List<ExecutedPart> executed,
        List<Chargeback> chargebacks,
        List<Payout> payouts) {

    public MoneyFacts {
        orders = List.copyOf(orders);
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
        executed = List.copyOf(executed);
        chargebacks = List.copyOf(chargebacks);
        payouts = List.copyOf(payouts);
    }

    /** An order: {@code total = order + fee}, all in the order's currency. */
    public record OrderFact(
            OrderId orderId,
            CampaignId campaignId,
            String status,
            Money totalAmount,
            Money orderAmount,
            Money feeAmount,
            Instant createdAt) {}

    /**
     * A moneyin: what was received for an order, when the bank or gateway received it and from whom.
     *
     * @param status RECEIVED, or RECALLED when the bank took it back at {@code recalledAt}
     */
    public record Payment(
            MoneyinId moneyinId,
            OrderId orderId,
            Money amount,
            Instant receivedAt,
            PaymentChannel channel,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String pspReference,
            String status,
            @Nullable Instant recalledAt) {

        public boolean recalled() {
            return "RECALLED".equals(status);
        }
    }

    /** A refund of a moneyin and the status of its current instruction (a re-issue replaces it). */
    public record Refund(
            RefundId refundId,
            OrderId orderId,
            MoneyinId moneyinId,
            Money amount,
            Instant createdAt,
            InstructionId instructionId,
            String instructionStatus,
            @Nullable Instant executedAt) {

        /** The money has left: only then is it refunded rather than still held. */
        public boolean executed() {
            return "EXECUTED".equals(instructionStatus);
        }
    }

    /**
     * A COMPANY or FEE part of a moneyin EXECUTED into shares.
     *
     * @param type COMPANY or FEE
     */
    public record ExecutedPart(
            MoneyoutId moneyoutId, OrderId orderId, String type, Money amount, @Nullable Instant executedAt) {}

    /** A card chargeback that ops reversed: the scheme took the money back. */
    public record Chargeback(MoneyinId moneyinId, OrderId orderId, Money amount, Instant reversedAt) {}

    /**
     * A CASHOUT or FEE_PAYOUT instruction of a campaign's cashout.
     *
     * @param successFee the success fee the FEE_PAYOUT carries (taken from the company's part); zero for a CASHOUT
     */
    public record Payout(
            InstructionId instructionId,
            String type,
            Money amount,
            Money successFee,
            String status,
            @Nullable Instant executedAt) {

        public boolean executed() {
            return "EXECUTED".equals(status);
        }
    }
}
