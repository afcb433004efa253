package io.crowdrecon.recon.unidentified;

import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every credit that matched no order, with the state of its return. */
public interface UnidentifiedTransfers {

    Mono<Void> addAll(List<UnidentifiedTransfer> transfers);

    /**
     * Moves the transfers along {@code row} of {@link UnidentifiedTransitions} (stamping the returned time when it
     * returns them, clearing it otherwise); errors with IllegalStateException when one was not in {@code row.from()}
     * (the caller holds the locks of their return instructions).
     */
    Mono<Void> moveAll(
            List<UnidentifiedTransferId> transferIds,
            Transition<UnidentifiedStatus, UnidentifiedTrigger> row,
            Instant at);

    /**
     * A page, newest first.
     *
     * @param portalId the portal whose transfers to list, or null for every portal (ops)
     */
    Mono<Page<UnidentifiedTransfer>> page(@Nullable PortalId portalId, UnidentifiedFilter filter, PageRequest page);

    /** The transfers that named this order (returned to their payer), newest first. */
    Flux<UnidentifiedTransfer> namingOrder(String orderId);

    Mono<UnidentifiedTransfer> byId(UnidentifiedTransferId unidentifiedTransferId);
}
