package io.crowdrecon.recon.review;

import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.ReviewItemId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a person must look at, opened by the service in the transaction of what caused it.
 *
 * @param subjectId the notification, instruction or transfer it is about
 * @param dedupeKey when not null, opening the same item twice (a redelivered record) is a no-op
 */
public record ReviewItem(
        ReviewItemId reviewItemId,
        ReviewKind kind,
        ReviewStatus status,
        @Nullable PortalId portalId,
        @Nullable OrderId orderId,
        @Nullable String subjectId,
        String detail,
        @Nullable String dedupeKey,
        @Nullable String note,
        Instant createdAt,
        @Nullable Instant resolvedAt) {

    public static ReviewItem open(
            ReviewItemId reviewItemId,
            ReviewKind kind,
            @Nullable PortalId portalId,
            @Nullable OrderId orderId,
            @Nullable String subjectId,
            String detail,
            Instant at) {
        return new ReviewItem(
                reviewItemId, kind, ReviewStatus.OPEN, portalId, orderId, subjectId, detail, null, null, at, null);
    }

    public ReviewItem withDedupeKey(String key) {
        return new ReviewItem(
                reviewItemId, kind, status, portalId, orderId, subjectId, detail, key, note, createdAt, resolvedAt);
    }
}
