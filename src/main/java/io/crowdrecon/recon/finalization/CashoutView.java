package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.InstructionId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A cashout as it stands: its record with the status and execution time of its CASHOUT instruction (the read model of
 * {@code GET /campaigns/{id}/cashouts/{cashoutId}}; the API's shape is {@code finalization.web.CashoutResponse}).
 * Amounts in {@code currency}'s minor digits.
 *
 * @param status the status of its CASHOUT instruction, EXECUTED when there is none (amount 0)
 * @param instructionId the CASHOUT instruction, or null when the amount is 0
 */
public record CashoutView(
        CashoutId cashoutId,
        CampaignId campaignId,
        String status,
        BigDecimal executedCompanyAmount,
        BigDecimal executedFeeAmount,
        BigDecimal successFee,
        BigDecimal amount,
        String currency,
        String iban,
        @Nullable InstructionId instructionId,
        Instant createdAt,
        Instant executedAt) {

    public CashoutView {
        executedCompanyAmount = Amounts.inMinorDigits(executedCompanyAmount, currency);
        executedFeeAmount = Amounts.inMinorDigits(executedFeeAmount, currency);
        successFee = Amounts.inMinorDigits(successFee, currency);
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
