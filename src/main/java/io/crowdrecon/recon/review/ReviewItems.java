package io.crowdrecon.recon.review;

import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The review queue. */
public interface ReviewItems {

    /** Opens the items; one whose dedupe key is already known is skipped. */
    Mono<Void> addAll(List<ReviewItem> items);

    Mono<Page<ReviewItem>> page(
            @Nullable ReviewKind kind, @Nullable ReviewStatus status, @Nullable String orderId, PageRequest page);

    /**
     * Moves the item along {@code row} of {@link ReviewTransitions} with a note, if it is still in {@code row.from()}
     * (an item resolved meanwhile stays as it was); emits the item as it now is, or empty when unknown.
     */
    Mono<ReviewItem> move(
            ReviewItemId reviewItemId, Transition<ReviewStatus, ReviewTrigger> row, String note, Instant at);

    Mono<ReviewItem> byId(ReviewItemId reviewItemId);

    /**
     * Moves the items of this kind about this subject that are in {@code row.from()} along {@code row} of
     * {@link ReviewTransitions}, with a note; there may be none.
     */
    Mono<Void> moveAll(
            ReviewKind kind, String subjectId, Transition<ReviewStatus, ReviewTrigger> row, String note, Instant at);

    /**
     * The orders among {@code orderIds} that an OPEN item of one of {@code kinds} is about (a chargeback or a credit
     * missing from the statement holding their money, say); emits an empty set when none is.
     */
    Mono<Set<OrderId>> withOpen(Set<ReviewKind> kinds, Collection<OrderId> orderIds);
}
