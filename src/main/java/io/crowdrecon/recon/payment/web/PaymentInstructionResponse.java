package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A payment instruction as operators see it ({@code GET /ops/instructions/{id}}), with its status and re-issue links;
 * what the bank or gateway receives is {@code payment.instruction.PaymentInstructionMessage}.
 */
@Schema(
        name = "PaymentInstruction",
        description = "Money out: a return, a refund, a cashout or a fee payout, to a creditor IBAN or a card.",
        requiredProperties = {"instructionId", "type", "channel", "status", "amount", "currency", "createdDatetime"})
public record PaymentInstructionResponse(
        String instructionId,
        InstructionType type,
        PaymentChannel channel,
        InstructionStatus status,
        BigDecimal amount,
        String currency,
        @Nullable String creditorIban,
        @Nullable String creditorName,
        @Nullable String pspReference,
        @Nullable String remittanceInformation,
        @Nullable String orderId,
        @Nullable String unidentifiedTransferId,
        @Nullable String campaignId,
        @Nullable String portalId,
        @Nullable String reissueOf,
        @Nullable String reissuedAs,
        @Nullable String failureReason,
        Instant createdDatetime,
        @Nullable Instant executedDatetime,
        @Schema(description = "The operator whose write created it (a re-issue, a given IBAN); another must approve it")
                @Nullable
                String causedBy,
        @Schema(description = "The operator who approved it (four eyes)") @Nullable String approvedBy,
        @Nullable Instant approvedDatetime,
        @Schema(description = "The operator who rejected it") @Nullable String rejectedBy,
        @Nullable Instant rejectedDatetime,
        @Schema(description = "The approver's note") @Nullable String approvalNote) {

    static PaymentInstructionResponse of(PaymentInstruction i) {
        return new PaymentInstructionResponse(
                i.instructionId().value(),
                i.type(),
                i.channel(),
                i.status(),
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
                i.portalId() == null ? null : i.portalId().value(),
                i.reissueOf() == null ? null : i.reissueOf().value(),
                i.reissuedAs() == null ? null : i.reissuedAs().value(),
                i.failureReason(),
                i.createdAt(),
                i.executedAt(),
                i.causedBy() == null ? null : i.causedBy().value(),
                i.approvedBy() == null ? null : i.approvedBy().value(),
                i.approvedAt(),
                i.rejectedBy() == null ? null : i.rejectedBy().value(),
                i.rejectedAt(),
                i.approvalNote());
    }
}
