package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.matching.Bookings.InstructionFailure;
import io.crowdrecon.recon.matching.Bookings.OrderMove;
import io.crowdrecon.recon.matching.Bookings.Outcome;
import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditDecision.AlreadyRecorded;
import io.crowdrecon.recon.matching.CreditDecision.FeedDuplicate;
import io.crowdrecon.recon.matching.CreditDecision.InstructionReturned;
import io.crowdrecon.recon.matching.CreditDecision.Matched;
import io.crowdrecon.recon.matching.CreditDecision.Unidentified;
import io.crowdrecon.recon.matching.CreditFacts.BankReference;
import io.crowdrecon.recon.matching.CreditFacts.ReturnableInstruction;
import io.crowdrecon.recon.order.InvestorAccount;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides a batch of credits one after the other, in order, and books each decision: the facts
 * read from the database are updated in memory as the batch goes, so that two credits for one
 * order in the same batch give one match and one {@code ALREADY_PAID}, and a redelivery inside
 * the batch is ignored like one across batches. Plain Java: no I/O; ids and time are given.
 */
public final class CreditBatch {

    static final String RETURNED_BY_BANK = "RETURNED_BY_BANK";
    private static final int MAX_REMITTANCE = 140;

    private final CreditFacts facts;
    private final ReleasePolicy approval;
    private final IdGenerator ids;
    private final Instant now;
    private final Map<String, RecordedCredit> recordedById;
    private final Map<BankReference, RecordedCredit> recordedByReference;
    private final Map<OrderId, Order> orders;
    private final Bookings bookings = new Bookings();

    private CreditBatch(CreditFacts facts, ReleasePolicy approval, IdGenerator ids, Instant now) {
        this.facts = facts;
        this.approval = approval;
        this.ids = ids;
        this.now = now;
        this.recordedById = new HashMap<>(facts.recordedByNotificationId());
        this.recordedByReference = new HashMap<>(facts.recordedByBankReference());
        this.orders = new HashMap<>(facts.ordersById());
    }

    /** Decides and books every credit, in the given order. */
    public static Bookings book(
            List<IncomingCredit> credits, CreditFacts facts, ReleasePolicy approval, IdGenerator ids, Instant now) {
        CreditBatch batch = new CreditBatch(facts, approval, ids, now);
        credits.forEach(batch::add);
        return batch.bookings;
    }

    private void add(IncomingCredit credit) {
        // A card payment is credited to the portal whose webhook reported it, if any.
        Optional<String> creditedPortal = credit.isCard()
                ? Optional.ofNullable(credit.sourcePortalId())
                : Optional.ofNullable(facts.portalIdByCollectionIban().get(credit.creditorIban()))
                        .map(PortalId::value);
        MatchingFacts matchingFacts = new MatchingFacts(
                Optional.ofNullable(recordedById.get(credit.notificationId())),
                credit.isCard() ? Optional.empty() : Optional.ofNullable(recordedByReference.get(reference(credit))),
                credit.returnOfInstructionId() != null
                        && facts.instructionsById().containsKey(credit.returnOfInstructionId()),
                creditedPortal,
                orderId -> Optional.ofNullable(orders.get(orderId)).map(CreditBatch::snapshot));
        CreditDecision decision = CreditMatcher.decide(credit, matchingFacts);
        if (decision instanceof AlreadyRecorded) {
            bookings.ignoredRedeliveries++;
            return;
        }
        @Nullable PortalId portalId = portalOf(creditedPortal.orElse(null));
        if (decision instanceof FeedDuplicate duplicate) {
            bookFeedDuplicate(credit, portalId, duplicate);
        } else if (decision instanceof InstructionReturned returned) {
            bookInstructionReturned(credit, portalId, returned);
        } else if (decision instanceof Matched matched) {
            bookMatch(credit, matched);
        } else if (decision instanceof Unidentified unidentified) {
            bookUnidentified(credit, portalId, unidentified);
        }
        RecordedCredit recorded =
                new RecordedCredit(credit.notificationId(), credit.amount(), credit.currency(), credit.bookingDate());
        recordedById.put(credit.notificationId(), recorded);
        if (!credit.isCard() && !(decision instanceof FeedDuplicate)) {
            recordedByReference.putIfAbsent(reference(credit), recorded);
        }
    }

    private void bookFeedDuplicate(IncomingCredit credit, @Nullable PortalId portalId, FeedDuplicate duplicate) {
        bookings.credits.add(new RecordedCreditRow(
                credit, portalId, Outcome.DUPLICATE_FEED, null, null, duplicate.originalNotificationId()));
        if (duplicate.conflicting()) {
            RecordedCredit original = recordedById.get(duplicate.originalNotificationId());
            String detail = "Bank reference " + credit.bankReference() + " booked again as " + credit.notificationId()
                    + " with " + credit.amount().toPlainString() + " " + credit.currency() + " on "
                    + credit.bookingDate() + "; first booked as " + duplicate.originalNotificationId()
                    + (original == null
                            ? ""
                            : " with " + original.amount().toPlainString() + " " + original.currency() + " on "
                                    + original.bookingDate());
            review(ReviewKind.FEED_CONFLICT, portalId, null, credit.notificationId(), detail);
        }
    }

    private void bookInstructionReturned(
            IncomingCredit credit, @Nullable PortalId portalId, InstructionReturned returned) {
        // The matcher decided a return only of an instruction the facts hold.
        ReturnableInstruction instruction = Objects.requireNonNull(
                facts.instructionsById().get(returned.instructionId()), "the returned instruction is in the facts");
        bookings.credits.add(new RecordedCreditRow(
                credit, portalId, Outcome.INSTRUCTION_RETURNED, null, instruction.orderId(), null));
        if ("FAILED".equals(instruction.status())) {
            // Already failed (and perhaps re-issued): the money is back, but nothing else changes.
            review(
                    ReviewKind.INSTRUCTION_FAILED,
                    instruction.portalId(),
                    instruction.orderId(),
                    instruction.instructionId().value(),
                    "Instruction " + instruction.instructionId().value() + ", already FAILED,"
                            + " came back again as credit " + credit.notificationId() + " ("
                            + credit.amount().toPlainString() + " " + credit.currency() + "); check it was not paid"
                            + " twice");
            return;
        }
        // The bank's reason code when it gives one (a bank file's RtrInf, MT940 RTRN), else that it came back.
        String reason = credit.returnReason() != null ? credit.returnReason() : RETURNED_BY_BANK;
        bookings.instructionFailures.add(
                new InstructionFailure(instruction.instructionId(), reason, instruction.unidentifiedTransferId()));
        review(
                ReviewKind.INSTRUCTION_FAILED,
                instruction.portalId(),
                instruction.orderId(),
                instruction.instructionId().value(),
                "Instruction " + instruction.instructionId().value() + " came back from the bank"
                        + (credit.returnReason() == null ? "" : " (reason " + credit.returnReason() + ")")
                        + " as credit " + credit.notificationId() + " ("
                        + credit.amount().toPlainString() + " "
                        + credit.currency() + "); re-issue it once the destination is fixed");
    }

    private void bookMatch(IncomingCredit credit, Matched matched) {
        Order order = Objects.requireNonNull(orders.get(matched.orderId()), "the matched order is in the facts");
        PaymentChannel channel = credit.isCard() ? PaymentChannel.CARD : PaymentChannel.BANK_TRANSFER;
        Moneyin moneyin = new Moneyin(
                ids.nextMoneyinId(),
                order.orderId(),
                order.portalId(),
                order.campaignId(),
                credit.notificationId(),
                order.totalAmount(),
                order.currency(),
                channel,
                Iban.normalise(credit.payerIban()),
                credit.payerName(),
                credit.pspReference(),
                MoneyinStatus.RECEIVED,
                now,
                null);
        bookings.moneyins.add(moneyin);
        moneyout(order, moneyin, MoneyoutType.COMPANY, order.orderPart());
        if (order.fee().isPositive()) {
            moneyout(order, moneyin, MoneyoutType.FEE, order.fee());
        }
        move(order, OrderTrigger.MATCHING_CREDIT, OrderReasons.PAYMENT_MATCHED);
        bookings.credits.add(
                new RecordedCreditRow(credit, order.portalId(), Outcome.MATCHED, null, order.orderId(), null));
        if (matched.payerMismatch()) {
            review(
                    ReviewKind.PAYER_MISMATCH,
                    order.portalId(),
                    order.orderId(),
                    credit.notificationId(),
                    "Paid by " + credit.payerName() + " (" + credit.payerIban() + "), not by the investor account "
                            + holder(order.investorAccount()));
        }
        if (matched.channelMismatch()) {
            review(
                    ReviewKind.CHANNEL_MISMATCH,
                    order.portalId(),
                    order.orderId(),
                    credit.notificationId(),
                    "A " + order.channel() + " order paid by " + channel.wireName());
        }
    }

    private void moneyout(Order order, Moneyin moneyin, MoneyoutType type, Money amount) {
        // Money under a compliance hold is booked as usual but may not reach the company until the hold is released.
        MoneyoutStatus status =
                facts.heldOrderIds().contains(order.orderId()) ? MoneyoutStatus.HELD : MoneyoutStatus.AVAILABLE;
        Moneyout moneyout = new Moneyout(
                ids.nextMoneyoutId(),
                order.orderId(),
                moneyin.moneyinId(),
                order.portalId(),
                order.campaignId(),
                order.companyId(),
                type,
                status,
                amount.amount(),
                amount.currency(),
                null,
                now,
                null);
        bookings.moneyouts.add(moneyout);
        bookings.events.add(MoneyoutMessage.created(moneyout));
    }

    private void bookUnidentified(IncomingCredit credit, @Nullable PortalId creditedPortalId, Unidentified decision) {
        OrderId candidate = decision.candidateOrderId();
        @Nullable Order named = candidate == null ? null : orders.get(candidate);
        // A transfer belongs to the credited portal; a card payment to the portal whose webhook
        // reported it, else to the portal of the order it names.
        @Nullable
        PortalId portalId = credit.isCard() && creditedPortalId == null
                ? (named == null ? null : named.portalId())
                : creditedPortalId;
        UnidentifiedTransferId transferId = ids.nextUnidentifiedTransferId();
        PaymentInstruction instruction = returnOf(credit, portalId, transferId, decision);
        boolean onHold = instruction.status() == InstructionStatus.ON_HOLD;
        UnidentifiedTransfer transfer = new UnidentifiedTransfer(
                transferId,
                credit.notificationId(),
                portalId,
                credit.channel().name(),
                credit.amount(),
                credit.currency(),
                credit.description(),
                credit.payerName(),
                credit.payerIban(),
                credit.pspReference(),
                decision.reason(),
                candidate == null ? null : candidate.value(),
                onHold ? UnidentifiedStatus.RECEIVED : UnidentifiedStatus.RETURN_REQUESTED,
                credit.receivedAt(),
                null);
        bookings.unidentifiedTransfers.add(transfer);
        bookings.instructions.add(instruction);
        bookings.events.add(UnidentifiedTransferMessage.received(transfer));
        if (onHold) {
            review(
                    ReviewKind.RETURN_IMPOSSIBLE,
                    portalId,
                    null,
                    transferId.value(),
                    "Unidentified transfer " + transferId.value()
                            + " (" + credit.amount().toPlainString() + " " + credit.currency()
                            + ") has no valid payer IBAN"
                            + " to return it to; give one with PUT /ops/unidentified-transfers/" + transferId
                            + "/return-iban");
        } else {
            // One above the approval threshold waits for an approver, who announces it (four eyes).
            bookings.events.addAll(approval.announcement(instruction));
        }
        if (decision.orderBecomesIncorrectAmount()) {
            move(
                    Objects.requireNonNull(named, "only a named order becomes INCORRECT_AMOUNT"),
                    OrderTrigger.WRONG_AMOUNT_CREDIT,
                    OrderReasons.AMOUNT_MISMATCH);
        }
        bookings.credits.add(
                new RecordedCreditRow(credit, portalId, Outcome.UNIDENTIFIED, decision.reason(), candidate, null));
    }

    /** The portal a credit is credited to; a blank one (a webhook header naming none) is none. */
    private static @Nullable PortalId portalOf(@Nullable String portalId) {
        return portalId == null || portalId.isBlank() ? null : PortalId.of(portalId);
    }

    /** The return of exactly the amount received, on the channel it came from (ON_HOLD without a destination). */
    private PaymentInstruction returnOf(
            IncomingCredit credit,
            @Nullable PortalId portalId,
            UnidentifiedTransferId transferId,
            Unidentified decision) {
        String remittance = truncate("Return of " + (credit.isCard() ? credit.pspReference() : credit.bankReference())
                + ": " + decision.reason());
        if (credit.isCard()) {
            return PaymentInstruction.create(
                    ids.nextInstructionId(),
                    InstructionType.CARD_REFUND,
                    PaymentChannel.CARD,
                    approval.initialStatus(InstructionType.CARD_REFUND, credit.money(), true),
                    credit.amount(),
                    credit.currency(),
                    null,
                    credit.payerName(),
                    credit.pspReference(),
                    remittance,
                    portalId,
                    null,
                    transferId,
                    null,
                    null,
                    null,
                    null,
                    now);
        }
        Optional<Iban> payer = Iban.tryParse(credit.payerIban());
        return PaymentInstruction.create(
                ids.nextInstructionId(),
                InstructionType.TRANSFER_RETURN,
                PaymentChannel.BANK_TRANSFER,
                approval.initialStatus(InstructionType.TRANSFER_RETURN, credit.money(), payer.isPresent()),
                credit.amount(),
                credit.currency(),
                payer.map(Iban::value).orElse(null),
                credit.payerName(),
                null,
                remittance,
                portalId,
                null,
                transferId,
                null,
                null,
                null,
                null,
                now);
    }

    private void move(Order order, OrderTrigger trigger, String reason) {
        StatusChange change = OrderTransitions.change(order, trigger, reason, now);
        bookings.orderMoves.add(new OrderMove(order.orderId(), order.portalId(), order.campaignId(), change));
        bookings.events.add(OrderMoves.event(order, change));
        orders.put(order.orderId(), order.moved(change, order.paymentWindowEndsAt()));
    }

    private void review(
            ReviewKind kind, @Nullable PortalId portalId, @Nullable OrderId orderId, String subjectId, String detail) {
        bookings.reviewItems.add(
                ReviewItem.open(ids.nextReviewItemId(), kind, portalId, orderId, subjectId, detail, now));
    }

    private static BankReference reference(IncomingCredit credit) {
        return new BankReference(credit.creditorIban(), credit.bankReference());
    }

    static OrderSnapshot snapshot(Order order) {
        InvestorAccount account = order.investorAccount();
        return new OrderSnapshot(
                order.orderId(),
                order.portalId(),
                order.status(),
                order.totalAmount(),
                order.currency(),
                order.channel(),
                account == null || account.iban() == null
                        ? null
                        : account.iban().value(),
                account == null ? null : account.holderName(),
                account == null ? null : account.holderSurname(),
                account == null ? null : account.holderBusinessName(),
                order.paymentWindowEndsAt());
    }

    private static String holder(@Nullable InvestorAccount account) {
        if (account == null) {
            return "(none)";
        }
        String name = account.holderBusinessName() != null
                ? account.holderBusinessName()
                : account.holderName() + " " + account.holderSurname();
        return name + " ("
                + (account.iban() == null ? "no IBAN" : account.iban().value()) + ")";
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REMITTANCE ? text : text.substring(0, MAX_REMITTANCE);
    }
}
