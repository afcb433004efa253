package io.crowdrecon.recon.review;

import reactor.core.publisher.Mono;

/**
 * Resolving some review items changes the books, not just the queue: a CHARGEBACK is released or
 * reversed. Implemented by the capability that owns the money (payment).
 */
public interface ReviewActions {

    /** Whether items of this kind need an action to be resolved. */
    boolean takesAction(ReviewKind kind);

    /**
     * Applies {@code action} and resolves the OPEN item in one transaction; emits the item as
     * resolved. Errors with VALIDATION_FAILED for an action the item does not take.
     */
    Mono<ReviewItem> resolveWith(ReviewItem item, String action, String note);
}
