package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.Instant;

/** The cashout resource of SPEC.md section 7; its status is its CASHOUT instruction's. */
public record CashoutData(
        String cashoutId,
        String campaignId,
        String status,
        BigDecimal executedCompanyAmount,
        BigDecimal executedFeeAmount,
        BigDecimal successFee,
        BigDecimal amount,
        String currency,
        String iban,
        String instructionId,
        Instant createdDatetime,
        Instant executedDatetime) {

    public CashoutData {
        executedCompanyAmount = Amounts.inMinorDigits(executedCompanyAmount, currency);
        executedFeeAmount = Amounts.inMinorDigits(executedFeeAmount, currency);
        successFee = Amounts.inMinorDigits(successFee, currency);
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
