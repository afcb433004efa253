package io.crowdrecon.recon.webhook;

import static io.crowdrecon.recon.webhook.EndpointStatus.DISABLED;
import static io.crowdrecon.recon.webhook.EndpointStatus.ENABLED;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The endpoint lifecycle as data: the only way an endpoint's status changes. Registering one (ENABLED) is not listed. */
public final class EndpointTransitions {

    private static final TransitionTable<EndpointStatus, EndpointTrigger> TABLE = new TransitionTable<>(List.of(
            new Transition<>(EnumSet.of(ENABLED), EndpointTrigger.DISABLE, DISABLED),
            new Transition<>(EnumSet.of(DISABLED), EndpointTrigger.ENABLE, ENABLED)));

    private EndpointTransitions() {}

    /** The status {@code trigger} moves an endpoint in status {@code from} to; empty when the move is not allowed. */
    public static Optional<EndpointStatus> next(EndpointStatus from, EndpointTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /** The row that moves {@code endpoint} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION} when none does. */
    public static Transition<EndpointStatus, EndpointTrigger> row(WebhookEndpoint endpoint, EndpointTrigger trigger) {
        return TABLE.row("Webhook endpoint", endpoint.endpointId().value(), endpoint.status(), trigger);
    }

    /** The one row of {@code trigger}. */
    public static Transition<EndpointStatus, EndpointTrigger> row(EndpointTrigger trigger) {
        return TABLE.row(trigger);
    }

    public static List<Transition<EndpointStatus, EndpointTrigger>> rows() {
        return TABLE.rows();
    }
}
