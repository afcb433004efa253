package io.crowdrecon.recon.payment;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.Instant;

/** The refund resource of SPEC.md section 7 ({@code GET /orders/{id}/payment/refund}). */
public record RefundData(
        String refundId,
        String orderId,
        InstructionStatus status,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        String iban,
        String pspReference,
        String instructionId,
        Instant createdDatetime,
        Instant executedDatetime) {

    public RefundData {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
