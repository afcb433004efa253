package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.refund.RefundView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** The refund resource of SPEC.md section 7 ({@code GET /orders/{id}/payment/refund}). */
@Schema(
        name = "Refund",
        description = "An order's money back to whoever paid it, on the channel it came from; its status is its"
                + " current instruction's.",
        requiredProperties = {
            "refundId",
            "orderId",
            "status",
            "amount",
            "currency",
            "channel",
            "instructionId",
            "createdDatetime"
        })
public record RefundResponse(
        String refundId,
        String orderId,
        InstructionStatus status,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        @Schema(description = "The payer's IBAN, for a bank transfer") String iban,
        @Schema(description = "The card payment's reference, for a card") String pspReference,
        String instructionId,
        Instant createdDatetime,
        Instant executedDatetime) {

    static RefundResponse of(RefundView r) {
        return new RefundResponse(
                r.refundId().value(),
                r.orderId().value(),
                r.status(),
                r.amount(),
                r.currency(),
                r.channel(),
                r.iban(),
                r.pspReference(),
                r.instructionId().value(),
                r.createdAt(),
                r.executedAt());
    }
}
