package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code recon.unidentified-transfers} events (SPEC.md section 6); the API's shape of a transfer is
 * {@code payment.web.UnidentifiedTransferResponse}, with the same fields.
 *
 * @param type always {@code UNIDENTIFIED} (the seed's field)
 * @param status the seed's status ({@link UnidentifiedState}); the stored detail is {@code returnStatus}
 * @param refundedDatetime when its return instruction executed (the seed's name of {@code returnedDatetime})
 */
public record UnidentifiedTransferMessage(
        String unidentifiedTransferId,
        String type,
        BigDecimal amount,
        String currency,
        @Nullable String description,
        @Nullable String payerName,
        @Nullable String payerIban,
        UnidentifiedReason reason,
        @Nullable String candidateOrderId,
        UnidentifiedState status,
        UnidentifiedStatus returnStatus,
        Instant receivedDatetime,
        @Nullable Instant returnedDatetime,
        @Nullable Instant refundedDatetime) {

    public static final String TOPIC = "recon.unidentified-transfers";
    public static final String RECEIVED = "crowdrecon.unidentified-transfer.received.v1";
    public static final String TYPE = "UNIDENTIFIED";

    public static UnidentifiedTransferMessage of(UnidentifiedTransfer u) {
        return new UnidentifiedTransferMessage(
                u.unidentifiedTransferId().value(),
                TYPE,
                u.amount(),
                u.currency(),
                u.description(),
                u.payerName(),
                u.payerIban(),
                u.reason(),
                u.candidateOrderId(),
                UnidentifiedState.of(u.status()),
                u.status(),
                u.receivedAt(),
                u.returnedAt(),
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
