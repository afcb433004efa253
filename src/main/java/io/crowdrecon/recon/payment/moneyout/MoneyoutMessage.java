package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code recon.moneyouts} events (SPEC.md section 6); the API's shape of a moneyout is
 * {@code payment.web.MoneyoutResponse}.
 */
public record MoneyoutMessage(
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

    public static MoneyoutMessage of(Moneyout m) {
        return new MoneyoutMessage(
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

    public static OutboundEvent created(Moneyout m) {
        return new OutboundEvent(
                TOPIC,
                m.orderId().value(),
                CREATED,
                m.portalId().value(),
                m.orderId().value(),
                m.campaignId().value(),
                of(m));
    }

    public static OutboundEvent statusChanged(Moneyout m) {
        return new OutboundEvent(
                TOPIC,
                m.orderId().value(),
                STATUS_CHANGED,
                m.portalId().value(),
                m.orderId().value(),
                m.campaignId().value(),
                of(m));
    }
}
