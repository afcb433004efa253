package io.crowdrecon.recon.paymentfile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one SEPA credit transfer initiation file says: its message id, when it was created, who initiates it, and its
 * payment-information groups (one per debtor account and requested execution date). The counts and control sums are
 * not fields: {@link PaymentFileTotals#of(PaymentFileContent)} computes them from the transfers, so they cannot
 * disagree.
 *
 * @param messageId a SEPA identifier the debtor's bank has not seen before ({@code MsgId})
 * @param createdAt when the file was built, written to the second in UTC
 * @param initiatingPartyName 1 to 70 characters of the SEPA set
 * @param groups at least one, with distinct payment-information ids
 */
public record PaymentFileContent(
        String messageId, Instant createdAt, String initiatingPartyName, List<PaymentGroup> groups) {

    /** @throws IllegalArgumentException if a field breaks the rule its parameter states */
    public PaymentFileContent {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(groups, "groups");
        if (!SepaText.isIdentifier(messageId)) {
            throw new IllegalArgumentException("messageId is not a SEPA identifier: " + messageId);
        }
        if (!CreditTransfer.isName(initiatingPartyName)) {
            throw new IllegalArgumentException("initiatingPartyName is 1 to 70 characters of the SEPA character set");
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a payment file has at least one payment-information group");
        }
        Set<String> ids = new HashSet<>();
        for (PaymentGroup group : groups) {
            if (!ids.add(group.paymentInformationId())) {
                throw new IllegalArgumentException(
                        "payment-information id " + group.paymentInformationId() + " appears twice");
            }
        }
        groups = List.copyOf(groups);
        createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
