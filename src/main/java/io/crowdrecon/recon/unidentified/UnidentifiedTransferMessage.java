package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code recon.unidentified-transfers} events (SPEC.md section 6); the API's shape of a transfer is
 * {@code payment.web.UnidentifiedTransferResponse}.
 */
public record UnidentifiedTransferMessage(
        String unidentifiedTransferId,
        BigDecimal amount,
        String currency,
        @Nullable String description,
        @Nullable String payerName,
        @Nullable String payerIban,
        UnidentifiedReason reason,
        @Nullable String candidateOrderId,
        UnidentifiedStatus status,
        Instant receivedDatetime,
        @Nullable Instant returnedDatetime) {

    public static final String TOPIC = "recon.unidentified-transfers";
    public static final String RECEIVED = "crowdrecon.unidentified-transfer.received.v1";

    public static UnidentifiedTransferMessage of(UnidentifiedTransfer u) {
        return new UnidentifiedTransferMessage(
                u.unidentifiedTransferId().value(),
                u.amount(),
                u.currency(),
                u.description(),
                u.payerName(),
                u.payerIban(),
                u.reason(),
                u.candidateOrderId(),
                u.status(),
                u.receivedAt(),
                u.returnedAt());
    }

    public static OutboundEvent received(UnidentifiedTransfer u) {
        return new OutboundEvent(
                TOPIC,
                u.unidentifiedTransferId().value(),
                RECEIVED,
                u.portalId() == null ? null : u.portalId().value(),
                u.candidateOrderId(),
                null,
                of(u));
    }
}
