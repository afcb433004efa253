package io.crowdrecon.recon.matching;

import java.util.Objects;
import java.util.Optional;

/**
 * What the caller looked up before asking {@link CreditMatcher} to decide on a credit.
 *
 * @param sameNotificationId the credit already recorded under the same {@code notificationId}, if any
 * @param sameBankReference a bank credit already recorded with the same {@code creditorIban} and
 *     {@code bankReference} under another {@code notificationId}, if any (ignored for card captures)
 * @param returnsKnownInstruction whether the credit's {@code returnOfInstructionId} names one of our payment
 *     instructions
 * @param creditedPortalId for a bank transfer, the portal whose collection IBAN is the credit's {@code creditorIban}
 *     (empty: no portal's); for a card capture, the portal the notification came from, or empty when unknown. A
 *     {@code String}, not a {@code PortalId}: a card capture's is its Kafka header as received, which may be blank
 * @param orders the orders the caller loaded
 */
public record MatchingFacts(
        Optional<RecordedCredit> sameNotificationId,
        Optional<RecordedCredit> sameBankReference,
        boolean returnsKnownInstruction,
        Optional<String> creditedPortalId,
        OrderLookup orders) {

    public MatchingFacts {
        Objects.requireNonNull(sameNotificationId, "sameNotificationId");
        Objects.requireNonNull(sameBankReference, "sameBankReference");
        Objects.requireNonNull(creditedPortalId, "creditedPortalId");
        Objects.requireNonNull(orders, "orders");
    }

    /** The facts about a credit seen for the first time, naming no instruction of ours. */
    public static MatchingFacts firstSeen(Optional<String> creditedPortalId, OrderLookup orders) {
        return new MatchingFacts(Optional.empty(), Optional.empty(), false, creditedPortalId, orders);
    }
}
