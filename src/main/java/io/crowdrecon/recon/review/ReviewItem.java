package io.crowdrecon.recon.review;

import java.time.Instant;

/**
 * Something a person must look at, opened by the service in the transaction of what caused it.
 *
 * @param subjectId the notification, instruction or transfer it is about
 * @param dedupeKey when not null, opening the same item twice (a redelivered record) is a no-op
 */
public record ReviewItem(
        String reviewItemId,
        ReviewKind kind,
        ReviewStatus status,
        String portalId,
        String orderId,
        String subjectId,
        String detail,
        String dedupeKey,
        String note,
        Instant createdAt,
        Instant resolvedAt) {

    public static ReviewItem open(
            String reviewItemId,
            ReviewKind kind,
            String portalId,
            String orderId,
            String subjectId,
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
