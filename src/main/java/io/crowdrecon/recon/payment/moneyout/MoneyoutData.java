package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The moneyout resource of SPEC.md section 7: the API's view and the data of {@code recon.moneyouts} events. */
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
public record MoneyoutData(
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

    public static final String TOPIC = "recon.moneyouts";
    public static final String CREATED = "crowdrecon.moneyout.created.v1";
    public static final String STATUS_CHANGED = "crowdrecon.moneyout.status-changed.v1";

    public static MoneyoutData of(Moneyout m) {
        return new MoneyoutData(
                m.moneyoutId(),
                m.orderId(),
                m.companyId(),
                m.type(),
                m.status(),
                m.amount(),
                m.cashoutAvailableAmount(),
                m.currency(),
                m.createdAt(),
                m.executedAt());
    }

    public static OutboundEvent created(Moneyout m) {
        return new OutboundEvent(TOPIC, m.orderId(), CREATED, m.portalId(), m.orderId(), m.campaignId(), of(m));
    }

    public static OutboundEvent statusChanged(Moneyout m) {
        return new OutboundEvent(TOPIC, m.orderId(), STATUS_CHANGED, m.portalId(), m.orderId(), m.campaignId(), of(m));
    }
}
