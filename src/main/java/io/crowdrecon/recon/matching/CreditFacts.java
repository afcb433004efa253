package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the database knows about a batch of credits before deciding them, read inside the batch's
 * transaction with the named orders and instructions locked.
 *
 * @param recordedByNotificationId credits already recorded under these notification ids
 * @param recordedByBankReference bank credits already booked under these (creditorIban, bankReference)
 * @param portalIdByCollectionIban the portals collecting on the credited IBANs
 * @param ordersById the orders the credits name, locked until the transaction ends
 * @param instructionsById our instructions the credits say they return, locked
 * @param heldOrderIds the orders among {@code ordersById} under an active compliance hold (on the order or its
 *     investor): a credit matching one is matched as usual, its moneyouts born {@code HELD}
 */
public record CreditFacts(
        Map<String, RecordedCredit> recordedByNotificationId,
        Map<BankReference, RecordedCredit> recordedByBankReference,
        Map<String, PortalId> portalIdByCollectionIban,
        Map<OrderId, Order> ordersById,
        Map<String, ReturnableInstruction> instructionsById,
        Set<OrderId> heldOrderIds) {

    /** The facts of a batch none of whose orders is under a compliance hold. */
    public CreditFacts(
            Map<String, RecordedCredit> recordedByNotificationId,
            Map<BankReference, RecordedCredit> recordedByBankReference,
            Map<String, PortalId> portalIdByCollectionIban,
            Map<OrderId, Order> ordersById,
            Map<String, ReturnableInstruction> instructionsById) {
        this(
                recordedByNotificationId,
                recordedByBankReference,
                portalIdByCollectionIban,
                ordersById,
                instructionsById,
                Set.of());
    }

    /** A booking's identity in the bank feed: the credited account and the bank's reference. */
    public record BankReference(@Nullable String creditorIban, @Nullable String bankReference) {}

    /** One of our outgoing instructions, as far as a credit returning it needs to know. */
    public record ReturnableInstruction(
            InstructionId instructionId,
            String status,
            @Nullable PortalId portalId,
            @Nullable OrderId orderId,
            @Nullable UnidentifiedTransferId unidentifiedTransferId) {

        public static ReturnableInstruction of(PaymentInstruction i) {
            return new ReturnableInstruction(
                    i.instructionId(), i.status().name(), i.portalId(), i.orderId(), i.unidentifiedTransferId());
        }
    }
}
