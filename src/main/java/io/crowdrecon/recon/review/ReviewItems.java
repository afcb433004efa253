package io.crowdrecon.recon.review;

import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** The review queue. */
public interface ReviewItems {

    /** Opens the items; one whose dedupe key is already known is skipped. */
    Mono<Void> addAll(List<ReviewItem> items);

    Mono<Page<ReviewItem>> page(ReviewKind kind, ReviewStatus status, String orderId, PageRequest page);

    /** Resolves an OPEN item with a note; emits the item as it now is, or empty when unknown. */
    Mono<ReviewItem> resolve(String reviewItemId, String note, Instant at);

    Mono<ReviewItem> byId(String reviewItemId);

    /** Resolves the OPEN items of this kind about this subject, with a note (the service fixed the cause). */
    Mono<Void> resolveOpen(ReviewKind kind, String subjectId, String note, Instant at);
}
