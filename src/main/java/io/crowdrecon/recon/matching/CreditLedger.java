package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.OrderId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/** Where credits are recorded, with one outcome each. Both calls run inside the batch's transaction. */
public interface CreditLedger {

    /**
     * What a batch of credits needs looked up, read from the credits alone: the credits themselves (redeliveries), their
     * bank references (the same booking under another notification id), the credited accounts, the orders they name
     * and the instructions they return.
     */
    record Wanted(
            List<String> notificationIds,
            List<String> creditorIbans,
            List<String> bankReferences,
            Set<OrderId> orderIds,
            SortedSet<String> instructionIds) {

        public static Wanted by(List<IncomingCredit> credits) {
            Set<OrderId> orderIds = new LinkedHashSet<>();
            SortedSet<String> instructionIds = new TreeSet<>();
            List<String> notificationIds = new ArrayList<>();
            List<String> creditorIbans = new ArrayList<>();
            List<String> bankReferences = new ArrayList<>();
            for (IncomingCredit credit : credits) {
                notificationIds.add(credit.notificationId());
                CreditMatcher.namedOrder(credit).ifPresent(orderIds::add);
                if (credit.returnOfInstructionId() != null) {
                    instructionIds.add(credit.returnOfInstructionId());
                }
                if (!credit.isCard()) {
                    creditorIbans.add(credit.creditorIban());
                    bankReferences.add(credit.bankReference());
                }
            }
            return new Wanted(notificationIds, creditorIbans, bankReferences, orderIds, instructionIds);
        }
    }

    /** The credits recorded before: by notification id, and by bank booking (a bank transfer's account and reference). */
    record Recorded(
            Map<String, RecordedCredit> byNotificationId,
            Map<CreditFacts.BankReference, RecordedCredit> byBankReference) {}

    /** What the ledger recorded of the credits {@code wanted} names. */
    Mono<Recorded> recorded(Wanted wanted);

    /** Records each credit of the batch with its outcome. */
    Mono<Void> recordCredits(List<Bookings.RecordedCreditRow> credits);
}
