package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.PaymentChannel;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code crowdrecon.payment-instruction.requested.v1} (SPEC.md section 6); the API's shape of an
 * instruction is {@code payment.web.PaymentInstructionResponse}.
 */
public record PaymentInstructionMessage(
        String instructionId,
        InstructionType type,
        PaymentChannel channel,
        BigDecimal amount,
        String currency,
        @Nullable String creditorIban,
        @Nullable String creditorName,
        @Nullable String pspReference,
        @Nullable String remittanceInformation,
        @Nullable String orderId,
        @Nullable String unidentifiedTransferId,
        @Nullable String campaignId,
        @Nullable String portalId) {

    public static final String TOPIC = "recon.payment-instructions";
    public static final String REQUESTED = "crowdrecon.payment-instruction.requested.v1";

    public static PaymentInstructionMessage of(PaymentInstruction i) {
        return new PaymentInstructionMessage(
                i.instructionId().value(),
                i.type(),
                i.channel(),
                i.amount(),
                i.currency(),
                i.creditorIban(),
                i.creditorName(),
                i.pspReference(),
                i.remittanceInformation(),
                i.orderId() == null ? null : i.orderId().value(),
                i.unidentifiedTransferId() == null
                        ? null
                        : i.unidentifiedTransferId().value(),
                i.campaignId() == null ? null : i.campaignId().value(),
                i.portalId() == null ? null : i.portalId().value());
    }

    /** The request to the bank or gateway to execute the instruction. */
    public static OutboundEvent requested(PaymentInstruction i) {
        PaymentInstructionMessage m = of(i);
        return new OutboundEvent(TOPIC, i.eventKey(), REQUESTED, m.portalId(), m.orderId(), m.campaignId(), m);
    }
}
