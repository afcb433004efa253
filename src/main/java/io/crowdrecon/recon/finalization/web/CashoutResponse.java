package io.crowdrecon.recon.finalization.web;

import io.crowdrecon.recon.finalization.CashoutView;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The cashout resource of SPEC.md section 7; its status is its CASHOUT instruction's. */
@Schema(
        name = "Cashout",
        description = "A successful campaign's money to the company: amount = executedCompanyAmount - successFee.",
        requiredProperties = {
            "cashoutId",
            "campaignId",
            "status",
            "executedCompanyAmount",
            "executedFeeAmount",
            "successFee",
            "amount",
            "currency",
            "iban",
            "createdDatetime"
        })
public record CashoutResponse(
        String cashoutId,
        String campaignId,
        @Schema(implementation = InstructionStatus.class, description = "The status of its CASHOUT instruction")
                String status,
        BigDecimal executedCompanyAmount,
        BigDecimal executedFeeAmount,
        BigDecimal successFee,
        BigDecimal amount,
        String currency,
        String iban,
        @Schema(description = "The CASHOUT instruction; null when the amount is 0") @Nullable String instructionId,
        Instant createdDatetime,
        Instant executedDatetime) {

    static CashoutResponse of(CashoutView c) {
        return new CashoutResponse(
                c.cashoutId().value(),
                c.campaignId().value(),
                c.status(),
                c.executedCompanyAmount(),
                c.executedFeeAmount(),
                c.successFee(),
                c.amount(),
                c.currency(),
                c.iban(),
                c.instructionId() == null ? null : c.instructionId().value(),
                c.createdAt(),
                c.executedAt());
    }
}
