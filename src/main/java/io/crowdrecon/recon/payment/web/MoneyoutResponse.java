package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The moneyout resource of SPEC.md section 7 ({@code GET /orders/{id}/payment/moneyouts}). */
@Schema(
        name = "Moneyout",
        description = "What a moneyin owes: COMPANY (the orderAmount) or FEE (the feeAmount, for the portal).",
        requiredProperties = {
            "moneyoutId",
            "orderId",
            "companyId",
            "type",
            "status",
            "amount",
            "cashoutAvailableAmount",
            "currency",
            "createdDatetime"
        })
public record MoneyoutResponse(
        String moneyoutId,
        String orderId,
        String companyId,
        MoneyoutType type,
        MoneyoutStatus status,
        BigDecimal amount,
        BigDecimal cashoutAvailableAmount,
        String currency,
        Instant createdDatetime,
        @Nullable Instant executedDatetime) {

    static MoneyoutResponse of(Moneyout m) {
        return new MoneyoutResponse(
                m.moneyoutId().value(),
                m.orderId().value(),
                m.companyId().value(),
                m.type(),
                m.status(),
                m.amount(),
                m.cashoutAvailableAmount(),
                m.currency(),
                m.createdAt(),
                m.executedAt());
    }
}
