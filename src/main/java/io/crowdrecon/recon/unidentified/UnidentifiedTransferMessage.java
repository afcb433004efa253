package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** The item of {@code GET /unidentified-transfers} and the data of {@code recon.unidentified-transfers} events. */
@Schema(
        name = "UnidentifiedTransfer",
        description = "A payment that matched no payable order, returned to the payer automatically.",
        requiredProperties = {"unidentifiedTransferId", "amount", "currency", "reason", "status", "receivedDatetime"})
public record UnidentifiedTransferData(
        String unidentifiedTransferId,
        @Schema(description = "With the minor digits of its currency") BigDecimal amount,
        @Schema(description = "Any ISO 4217 currency: a credit in another currency is returned in it") String currency,
        String description,
        String payerName,
        String payerIban,
        UnidentifiedReason reason,
        @Schema(description = "The orderId the payment named, if any") String candidateOrderId,
        UnidentifiedStatus status,
        Instant receivedDatetime,
        Instant returnedDatetime) {

    public static final String TOPIC = "recon.unidentified-transfers";
    public static final String RECEIVED = "crowdrecon.unidentified-transfer.received.v1";

    public static UnidentifiedTransferData of(UnidentifiedTransfer u) {
        return new UnidentifiedTransferData(
                u.unidentifiedTransferId(),
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
                TOPIC, u.unidentifiedTransferId(), RECEIVED, u.portalId(), u.candidateOrderId(), null, of(u));
    }
}
