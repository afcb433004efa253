package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one batch of credits writes, in one transaction: the recorded credits with their
 * outcome, order moves, moneyins and moneyouts, unidentified transfers with their returns, review
 * items, failed instructions, and the events announcing all of it.
 */
public final class Bookings {

    /** The outcome recorded with every credit (exactly one each). */
    public enum Outcome {
        MATCHED,
        UNIDENTIFIED,
        DUPLICATE_FEED,
        INSTRUCTION_RETURNED
    }

    public record RecordedCreditRow(
            IncomingCredit credit,
            @Nullable PortalId portalId,
            Outcome outcome,
            @Nullable UnidentifiedReason reason,
            @Nullable OrderId orderId,
            @Nullable String duplicateOf) {}

    public record OrderMove(OrderId orderId, PortalId portalId, CampaignId campaignId, StatusChange change) {}

    /** Our instruction came back as a credit: FAILED with this reason; the transfer it returned RETURN_FAILED. */
    public record InstructionFailure(
            InstructionId instructionId, String reason, @Nullable UnidentifiedTransferId unidentifiedTransferId) {}

    final List<RecordedCreditRow> credits = new ArrayList<>();
    final List<OrderMove> orderMoves = new ArrayList<>();
    final List<Moneyin> moneyins = new ArrayList<>();
    final List<Moneyout> moneyouts = new ArrayList<>();
    final List<UnidentifiedTransfer> unidentifiedTransfers = new ArrayList<>();
    final List<PaymentInstruction> instructions = new ArrayList<>();
    final List<ReviewItem> reviewItems = new ArrayList<>();
    final List<InstructionFailure> instructionFailures = new ArrayList<>();
    final List<OutboundEvent> events = new ArrayList<>();
    int ignoredRedeliveries;

    public List<RecordedCreditRow> credits() {
        return credits;
    }

    public List<OrderMove> orderMoves() {
        return orderMoves;
    }

    public List<Moneyin> moneyins() {
        return moneyins;
    }

    public List<Moneyout> moneyouts() {
        return moneyouts;
    }

    public List<UnidentifiedTransfer> unidentifiedTransfers() {
        return unidentifiedTransfers;
    }

    public List<PaymentInstruction> instructions() {
        return instructions;
    }

    public List<ReviewItem> reviewItems() {
        return reviewItems;
    }

    public List<InstructionFailure> instructionFailures() {
        return instructionFailures;
    }

    public List<OutboundEvent> events() {
        return events;
    }

    /** Credits of the batch that had been recorded already (redeliveries): nothing written for them. */
    public int ignoredRedeliveries() {
        return ignoredRedeliveries;
    }
}
