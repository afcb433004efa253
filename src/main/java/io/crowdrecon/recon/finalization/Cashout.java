package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a successful campaign pays out: {@code amount} = executed company amount − success fee to
 * the company's IBAN, and executed fee amount + success fee to the portal's fee account.
 *
 * @param instructionId the CASHOUT instruction, or null when the amount is 0
 * @param feePayoutInstructionId the FEE_PAYOUT instruction, or null when it would be 0
 */
public record Cashout(
        CashoutId cashoutId,
        CampaignId campaignId,
        PortalId portalId,
        CompanyId companyId,
        BigDecimal executedCompanyAmount,
        BigDecimal executedFeeAmount,
        BigDecimal successFee,
        BigDecimal amount,
        BigDecimal feePayoutAmount,
        String currency,
        String iban,
        @Nullable InstructionId instructionId,
        @Nullable InstructionId feePayoutInstructionId,
        Instant createdAt) {

    public Cashout {
        executedCompanyAmount = Amounts.inMinorDigits(executedCompanyAmount, currency);
        executedFeeAmount = Amounts.inMinorDigits(executedFeeAmount, currency);
        successFee = Amounts.inMinorDigits(successFee, currency);
        amount = Amounts.inMinorDigits(amount, currency);
        feePayoutAmount = Amounts.inMinorDigits(feePayoutAmount, currency);
    }
}
