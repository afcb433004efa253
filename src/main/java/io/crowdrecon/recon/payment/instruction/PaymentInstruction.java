package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order to pay money out, for the bank (bank transfer to {@code creditorIban}) or the card
 * gateway (refund on {@code pspReference}). Amount in {@code currency}'s major unit, exactly what
 * is owed. {@code causedBy} is the operator whose write created it (a re-issue, a released IBAN; null for a portal call
 * or the service itself): four eyes keep that operator from approving it ({@code operator.FourEyes}).
 */
public record PaymentInstruction(
        InstructionId instructionId,
        InstructionType type,
        PaymentChannel channel,
        InstructionStatus status,
        BigDecimal amount,
        String currency,
        @Nullable String creditorIban,
        @Nullable String creditorName,
        @Nullable String pspReference,
        @Nullable String remittanceInformation,
        @Nullable PortalId portalId,
        @Nullable OrderId orderId,
        @Nullable UnidentifiedTransferId unidentifiedTransferId,
        @Nullable CampaignId campaignId,
        @Nullable RefundId refundId,
        @Nullable CashoutId cashoutId,
        @Nullable InstructionId reissueOf,
        Instant createdAt,
        @Nullable Instant executedAt,
        @Nullable String failureReason,
        @Nullable InstructionId reissuedAs,
        @Nullable OperatorId causedBy,
        @Nullable OperatorId approvedBy,
        @Nullable Instant approvedAt,
        @Nullable OperatorId rejectedBy,
        @Nullable Instant rejectedAt,
        @Nullable String approvalNote) {

    /** The amount in its currency's minor digits, also when read from a row written before they were enforced. */
    public PaymentInstruction {
        amount = Amounts.inMinorDigits(amount, currency);
    }

    /** A new instruction, as created: not executed, not failed, not re-issued. */
    public static PaymentInstruction create(
            InstructionId instructionId,
            InstructionType type,
            PaymentChannel channel,
            InstructionStatus status,
            BigDecimal amount,
            String currency,
            @Nullable String creditorIban,
            @Nullable String creditorName,
            @Nullable String pspReference,
            @Nullable String remittanceInformation,
            @Nullable PortalId portalId,
            @Nullable OrderId orderId,
            @Nullable UnidentifiedTransferId unidentifiedTransferId,
            @Nullable CampaignId campaignId,
            @Nullable RefundId refundId,
            @Nullable CashoutId cashoutId,
            @Nullable InstructionId reissueOf,
            Instant createdAt) {
        return new PaymentInstruction(
                instructionId,
                type,
                channel,
                status,
                amount,
                currency,
                creditorIban,
                creditorName,
                pspReference,
                remittanceInformation,
                portalId,
                orderId,
                unidentifiedTransferId,
                campaignId,
                refundId,
                cashoutId,
                reissueOf,
                createdAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** This new instruction, caused by {@code operator} (a re-issue): another operator must approve it. */
    public PaymentInstruction causedBy(OperatorId operator) {
        return new PaymentInstruction(
                instructionId,
                type,
                channel,
                status,
                amount,
                currency,
                creditorIban,
                creditorName,
                pspReference,
                remittanceInformation,
                portalId,
                orderId,
                unidentifiedTransferId,
                campaignId,
                refundId,
                cashoutId,
                reissueOf,
                createdAt,
                executedAt,
                failureReason,
                reissuedAs,
                operator,
                approvedBy,
                approvedAt,
                rejectedBy,
                rejectedAt,
                approvalNote);
    }

    /** The Kafka key of its events: the order, unidentified transfer or campaign it belongs to. */
    public String eventKey() {
        if (orderId != null) {
            return orderId.value();
        }
        if (unidentifiedTransferId != null) {
            return unidentifiedTransferId.value();
        }
        return campaignId != null ? campaignId.value() : instructionId.value();
    }

    /** {@code amount} in {@code currency}. */
    public Money money() {
        return Money.of(amount, currency);
    }
}
