package io.crowdrecon.recon.review;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.util.List;
import reactor.core.publisher.Mono;

/** The review actions of every capability, each answering the kinds it owns. */
public final class ReviewActionsByKind implements ReviewActions {

    private final List<ReviewActions> actions;

    public ReviewActionsByKind(List<ReviewActions> actions) {
        this.actions = List.copyOf(actions);
    }

    @Override
    public boolean takesAction(ReviewKind kind) {
        return actions.stream().anyMatch(a -> a.takesAction(kind));
    }

    @Override
    public Mono<ReviewItem> resolveWith(ReviewItem item, String action, String note) {
        return actions.stream()
                .filter(a -> a.takesAction(item.kind()))
                .findFirst()
                .map(a -> a.resolveWith(item, action, note))
                .orElseGet(() -> Mono.error(new DomainException(
                        ErrorCode.VALIDATION_FAILED, "A " + item.kind() + " is resolved without an action")));
    }
}
