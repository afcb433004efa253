package io.crowdrecon.recon.hold;

import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compliance hold on the money of an investor (every order of theirs, later ones included) or of one order: exactly
 * one of {@code investorId} and {@code orderId} is set.
 *
 * @param placedBy the operator who placed it; null when a portal placed it on its own investor or order
 * @param placedByName the operator's name then, or the portal's id
 * @param endedBy the operator who released or refused it, null while ACTIVE
 */
public record ComplianceHold(
        HoldId holdId,
        PortalId portalId,
        @Nullable InvestorId investorId,
        @Nullable OrderId orderId,
        String reason,
        HoldStatus status,
        @Nullable OperatorId placedBy,
        String placedByName,
        @Nullable OperatorId endedBy,
        @Nullable String endedByName,
        Instant createdAt,
        @Nullable Instant endedAt) {

    public ComplianceHold {
        if ((investorId == null) == (orderId == null)) {
            throw new IllegalArgumentException(
                    "a hold is on an investor or on an order, not " + investorId + "/" + orderId);
        }
        Objects.requireNonNull(reason);
    }

    /** A new ACTIVE hold. */
    public static ComplianceHold placed(
            HoldId holdId,
            PortalId portalId,
            @Nullable InvestorId investorId,
            @Nullable OrderId orderId,
            String reason,
            @Nullable OperatorId placedBy,
            String placedByName,
            Instant at) {
        return new ComplianceHold(
                holdId,
                portalId,
                investorId,
                orderId,
                reason,
                HoldStatus.ACTIVE,
                placedBy,
                placedByName,
                null,
                null,
                at,
                null);
    }

    /** This hold ended along {@code row} by {@code operator} at {@code at}, as the store ends it. */
    public ComplianceHold ended(
            Transition<HoldStatus, HoldTrigger> row, OperatorId operator, String operatorName, Instant at) {
        return new ComplianceHold(
                holdId,
                portalId,
                investorId,
                orderId,
                reason,
                row.to(),
                placedBy,
                placedByName,
                operator,
                operatorName,
                createdAt,
                at);
    }

    /** What the hold is on, for review items and messages: {@code investor INV…} or {@code order TRX…}. */
    public String subject() {
        return investorId != null ? "investor " + investorId : "order " + orderId;
    }
}
