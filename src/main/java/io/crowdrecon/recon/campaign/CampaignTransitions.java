package io.crowdrecon.recon.campaign;

import static io.crowdrecon.recon.campaign.CampaignStatus.CANCELLED;
import static io.crowdrecon.recon.campaign.CampaignStatus.CLOSED;
import static io.crowdrecon.recon.campaign.CampaignStatus.CREATED;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZED_FAIL;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZED_SUCCESS;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZING;
import static io.crowdrecon.recon.campaign.CampaignStatus.OPEN;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign lifecycle of SPEC section 4 as data. Conditions beyond the statuses are the caller's: a campaign with an
 * {@code ACCOUNTED} order cannot be cancelled, and {@code finalized-success} validates its lists and amounts.
 *
 * <p>A move that would leave the status unchanged is never in the table: callers answer a {@code PUT} to the current
 * status with 200 and no change before asking for the next status.
 */
public final class CampaignTransitions {

    private static final TransitionTable<CampaignStatus, CampaignTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(CREATED), CampaignTrigger.OPEN, OPEN),
            row(EnumSet.of(OPEN), CampaignTrigger.CLOSE, CLOSED),
            row(EnumSet.of(CREATED, OPEN, CLOSED), CampaignTrigger.CANCEL, CANCELLED),
            row(EnumSet.of(CLOSED), CampaignTrigger.FINALIZE_SUCCESS, FINALIZED_SUCCESS),
            row(EnumSet.of(CLOSED, FINALIZING), CampaignTrigger.FINALIZE_FAILURE, FINALIZED_FAIL),
            row(EnumSet.of(CLOSED), CampaignTrigger.WAIT_FOR_CLEARING, FINALIZING),
            row(EnumSet.of(FINALIZING), CampaignTrigger.FUNDS_CLEARED, FINALIZED_SUCCESS),
            row(EnumSet.of(FINALIZING), CampaignTrigger.CANCEL_FINALIZATION, CLOSED)));

    private CampaignTransitions() {}

    /** The status {@code trigger} moves a campaign in status {@code from} to; empty when the move is not allowed. */
    public static Optional<CampaignStatus> next(CampaignStatus from, CampaignTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /**
     * The row {@code trigger} moves {@code campaign} along: the only way a campaign's status changes. Errors with
     * {@code DomainException} {@code ILLEGAL_TRANSITION} when the table has no such move.
     */
    public static Transition<CampaignStatus, CampaignTrigger> row(Campaign campaign, CampaignTrigger trigger) {
        return TABLE.row("Campaign", campaign.campaignId().value(), campaign.status(), trigger);
    }

    /** Whether the table has a move for {@code trigger} from {@code from}. */
    public static boolean allows(CampaignStatus from, CampaignTrigger trigger) {
        return TABLE.allows(from, trigger);
    }

    /** The rows of the table, in SPEC order. */
    public static List<Transition<CampaignStatus, CampaignTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<CampaignStatus, CampaignTrigger> row(
            Set<CampaignStatus> from, CampaignTrigger trigger, CampaignStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
