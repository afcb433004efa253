package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.RefundId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund as it stands: its record with the status and execution time of its current instruction (the read model of
 * {@code GET /orders/{id}/payment/refund}; the API's shape is {@code payment.web.RefundResponse}).
 */
public record RefundView(
        RefundId refundId,
        OrderId orderId,
        InstructionStatus status,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        String iban,
        String pspReference,
        InstructionId instructionId,
        Instant createdAt,
        Instant executedAt) {

    public RefundView {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
