package io.crowdrecon.recon.payment.card;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A card gateway notification other than a successful capture (captures are credits, decided by
 * the matcher): an authorisation, a failed capture, a refund confirmation, a chargeback.
 *
 * @param sourcePortalId the portal whose signed webhook reported it, or null (from Kafka)
 * @param instructionId on a REFUND, the instruction it confirms, if the gateway says
 */
public record CardEvent(
        String notificationId,
        Code code,
        boolean success,
        String orderId,
        BigDecimal amount,
        String currency,
        String pspReference,
        Instant eventAt,
        @Nullable String reason,
        @Nullable String instructionId,
        @Nullable String sourcePortalId) {

    public enum Code {
        AUTHORISATION,
        CAPTURE,
        REFUND,
        CHARGEBACK
    }
}
