package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * When an instruction may leave, and how (issue 22). Which instructions wait for an approver before they leave (four
 * eyes): every {@code CASHOUT}, and any other instruction strictly above {@code threshold}
 * ({@code RECON_APPROVAL_THRESHOLD}, default 15,000.00), read in the instruction's own currency. And which leave as a
 * {@code payment-instruction.requested} event: a CREATED one, except a bank transfer while {@code paymentFiles}
 * ({@code RECON_PAYMENT_FILES_ENABLED}) sends bank transfers in pain.001 files instead, since an adapter paying both
 * would pay twice. Every place that creates or releases an instruction asks this one decision.
 *
 * @param threshold the largest amount that leaves without approval; not negative, at most 2 decimals
 * @param paymentFiles whether bank transfers leave in payment files rather than as events
 */
public record ReleasePolicy(BigDecimal threshold, boolean paymentFiles) {

    /** The defaults: {@code RECON_APPROVAL_THRESHOLD} 15,000.00, payment files off. */
    public static final ReleasePolicy DEFAULT = new ReleasePolicy(new BigDecimal("15000.00"));

    /** With payment files off: every CREATED instruction leaves as an event. */
    public ReleasePolicy(BigDecimal threshold) {
        this(threshold, false);
    }

    public ReleasePolicy {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() < 0 || threshold.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "RECON_APPROVAL_THRESHOLD must be an amount >= 0 with at most 2 decimals, not " + threshold);
        }
    }

    /** Whether an instruction of {@code type} for {@code amount} must be approved before it leaves. */
    public boolean requiresApproval(InstructionType type, Money amount) {
        return type == InstructionType.CASHOUT || amount.isGreaterThan(thresholdIn(amount.currency()));
    }

    /**
     * The status a new instruction is created in: ON_HOLD while its destination is unknown (approval comes once ops
     * give one), else AWAITING_APPROVAL when the rule asks, else CREATED.
     */
    public InstructionStatus initialStatus(InstructionType type, Money amount, boolean destinationKnown) {
        if (!destinationKnown) {
            return InstructionStatus.ON_HOLD;
        }
        return requiresApproval(type, amount) ? InstructionStatus.AWAITING_APPROVAL : InstructionStatus.CREATED;
    }

    /**
     * The trigger that releases an ON_HOLD {@code instruction} once its destination is given: to CREATED, or to
     * AWAITING_APPROVAL when the rule asks.
     */
    public InstructionTrigger releaseTrigger(PaymentInstruction instruction) {
        return requiresApproval(instruction.type(), instruction.money())
                ? InstructionTrigger.DESTINATION_GIVEN_AWAITING_APPROVAL
                : InstructionTrigger.DESTINATION_GIVEN;
    }

    /**
     * The event that asks the bank or card gateway to pay {@code instruction} now: none while it awaits approval or a
     * destination, and none for a bank transfer while payment files carry those.
     */
    public List<OutboundEvent> announcement(PaymentInstruction instruction) {
        boolean byEvent = instruction.status() == InstructionStatus.CREATED
                && !(paymentFiles && instruction.channel() == PaymentChannel.BANK_TRANSFER);
        return byEvent ? List.of(PaymentInstructionMessage.requested(instruction)) : List.of();
    }

    // A currency with fewer minor digits than the threshold (JPY, 15000.50) compares with the threshold rounded down:
    // an amount above that still needs approval.
    private Money thresholdIn(String currency) {
        int digits = Amounts.minorDigits(currency);
        return Money.of(threshold.setScale(Math.min(digits, 2), RoundingMode.DOWN), currency);
    }
}
