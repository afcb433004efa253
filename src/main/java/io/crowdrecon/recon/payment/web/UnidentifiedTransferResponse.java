package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The item of {@code GET /unidentified-transfers}, of an order's {@code returnedTransfers} and the answer of {@code PUT
 * /ops/unidentified-transfers/{id}/return-iban}. It lives with payment's web adapter, which serves all three: the
 * order's payment needs it too, and payment depends on {@code unidentified}, not the other way round.
 */
@Schema(
        name = "UnidentifiedTransfer",
        description = "A payment that matched no payable order, returned to the payer automatically.",
        requiredProperties = {"unidentifiedTransferId", "amount", "currency", "reason", "status", "receivedDatetime"})
public record UnidentifiedTransferResponse(
        String unidentifiedTransferId,
        @Schema(description = "With the minor digits of its currency") BigDecimal amount,
        @Schema(description = "Any ISO 4217 currency: a credit in another currency is returned in it") String currency,
        @Nullable String description,
        @Nullable String payerName,
        @Nullable String payerIban,
        UnidentifiedReason reason,
        @Schema(description = "The orderId the payment named, if any") @Nullable String candidateOrderId,
        UnidentifiedStatus status,
        Instant receivedDatetime,
        @Nullable Instant returnedDatetime) {

    static UnidentifiedTransferResponse of(UnidentifiedTransfer u) {
        return new UnidentifiedTransferResponse(
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
}
