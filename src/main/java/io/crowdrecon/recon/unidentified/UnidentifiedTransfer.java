package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A credit the service could not match, kept in its own currency and amount until it is returned
 * to the payer on the channel it came from.
 *
 * @param portalId the portal whose collection IBAN (or card order) it concerns; null when none does
 * @param candidateOrderId the order the credit named, if it named a valid one
 */
public record UnidentifiedTransfer(
        UnidentifiedTransferId unidentifiedTransferId,
        String notificationId,
        @Nullable PortalId portalId,
        String channel,
        BigDecimal amount,
        String currency,
        @Nullable String description,
        @Nullable String payerName,
        @Nullable String payerIban,
        @Nullable String pspReference,
        UnidentifiedReason reason,
        @Nullable String candidateOrderId,
        UnidentifiedStatus status,
        Instant receivedAt,
        @Nullable Instant returnedAt) {

    /** The amount in its own currency's minor digits, also when read from a row written before they were enforced. */
    public UnidentifiedTransfer {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
