package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.PaymentChannel;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code crowdrecon.payment-instruction.status-changed.v1}: the bank or the card gateway answered an
 * instruction, {@code EXECUTED} (a refund or a transfer return reached its payer, a cashout or fee payout left) or
 * {@code FAILED} (with the reason). Same key as the request, on a topic of its own
 * ({@code recon.payment-instruction-outcomes}): a feed adapter executes every record of
 * {@code recon.payment-instructions}, and must never take an answer for a new request.
 *
 * @param at when the answer was applied: for EXECUTED, the instruction's execution time
 */
public record PaymentInstructionStatusChanged(
        String instructionId,
        InstructionType type,
        PaymentChannel channel,
        InstructionStatus status,
        InstructionStatus previousStatus,
        @Nullable String failureReason,
        BigDecimal amount,
        String currency,
        @Nullable String orderId,
        @Nullable String unidentifiedTransferId,
        @Nullable String campaignId,
        @Nullable String refundId,
        @Nullable String cashoutId,
        @Nullable String portalId,
        Instant at) {

    public static final String TYPE = "crowdrecon.payment-instruction.status-changed.v1";
    public static final String TOPIC = "recon.payment-instruction-outcomes";

    /** {@code instruction} (as it was before) moved to {@code status} at {@code at}. */
    public static OutboundEvent of(
            PaymentInstruction instruction, InstructionStatus status, @Nullable String failureReason, Instant at) {
        PaymentInstructionStatusChanged data = new PaymentInstructionStatusChanged(
                instruction.instructionId().value(),
                instruction.type(),
                instruction.channel(),
                status,
                instruction.status(),
                failureReason,
                instruction.amount(),
                instruction.currency(),
                instruction.orderId() == null ? null : instruction.orderId().value(),
                instruction.unidentifiedTransferId() == null
                        ? null
                        : instruction.unidentifiedTransferId().value(),
                instruction.campaignId() == null
                        ? null
                        : instruction.campaignId().value(),
                instruction.refundId() == null ? null : instruction.refundId().value(),
                instruction.cashoutId() == null ? null : instruction.cashoutId().value(),
                instruction.portalId() == null ? null : instruction.portalId().value(),
                at);
        return new OutboundEvent(
                TOPIC, instruction.eventKey(), TYPE, data.portalId(), data.orderId(), data.campaignId(), data);
    }
}
