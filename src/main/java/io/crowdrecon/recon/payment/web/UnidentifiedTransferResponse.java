package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedState;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferMessage;
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
        requiredProperties = {
            "unidentifiedTransferId",
            "type",
            "amount",
            "currency",
            "reason",
            "status",
            "returnStatus",
            "receivedDatetime"
        })
public record UnidentifiedTransferResponse(
        String unidentifiedTransferId,
        @Schema(description = "Always UNIDENTIFIED (as Fabrick v4 writes it)", allowableValues = "UNIDENTIFIED")
                String type,
        @Schema(description = "With the minor digits of its currency") BigDecimal amount,
        @Schema(description = "Any ISO 4217 currency: a credit in another currency is returned in it") String currency,
        @Nullable String description,
        @Nullable String payerName,
        @Nullable String payerIban,
        UnidentifiedReason reason,
        @Schema(description = "The orderId the payment named, if any") @Nullable String candidateOrderId,
        @Schema(
                        description = "As Fabrick v4: RECEIVED until the return executed (also while it is on hold,"
                                + " requested or failed), then RETURNED; the detail is returnStatus")
                UnidentifiedState status,
        @Schema(description = "Where its return stands: RECEIVED (on hold), RETURN_REQUESTED, RETURNED, RETURN_FAILED")
                UnidentifiedStatus returnStatus,
        Instant receivedDatetime,
        @Schema(description = "When its return instruction executed; null until then") @Nullable
                Instant returnedDatetime,
        @Schema(description = "Same as returnedDatetime (Fabrick v4's name)") @Nullable Instant refundedDatetime) {

    static UnidentifiedTransferResponse of(UnidentifiedTransfer u) {
        return new UnidentifiedTransferResponse(
                u.unidentifiedTransferId().value(),
                UnidentifiedTransferMessage.TYPE,
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
}
