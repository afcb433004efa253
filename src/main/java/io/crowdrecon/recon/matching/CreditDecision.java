package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What to do with an incoming credit: the outcome of {@link CreditMatcher#decide}, SPEC section 5. */
public sealed interface CreditDecision {

    /** Rule 1: a redelivery of a notification already recorded; ignored, the first outcome stands. */
    record AlreadyRecorded() implements CreditDecision {}

    /**
     * Rule 1: the bank feed sent the same booking twice under another {@code notificationId}; recorded with outcome
     * {@code DUPLICATE_FEED} and nothing else.
     *
     * @param originalNotificationId the notification first recorded for this booking
     * @param conflicting whether amount (by value), currency or booking date differ: review item {@code FEED_CONFLICT}
     */
    record FeedDuplicate(String originalNotificationId, boolean conflicting) implements CreditDecision {
        public FeedDuplicate {
            Objects.requireNonNull(originalNotificationId, "originalNotificationId");
        }
    }

    /**
     * Rule 2: our own outgoing payment came back; never matched nor returned. The instruction becomes {@code FAILED}
     * ({@code RETURNED_BY_BANK}).
     */
    record InstructionReturned(String instructionId) implements CreditDecision {
        public InstructionReturned {
            Objects.requireNonNull(instructionId, "instructionId");
        }
    }

    /**
     * Rule 8: the credit pays the order, which becomes {@code ACCOUNTED}.
     *
     * @param payerMismatch a bank payer other than the order's investor account: review item {@code PAYER_MISMATCH}
     * @param channelMismatch paid on the other channel than the order's: review item {@code CHANNEL_MISMATCH}
     */
    record Matched(OrderId orderId, boolean payerMismatch, boolean channelMismatch) implements CreditDecision {
        public Matched {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /**
     * Rules 3 to 7: an unidentified transfer, returned to the payer on the channel it came from.
     *
     * @param reason never null
     * @param candidateOrderId the valid order id the credit named, or null when it named none ({@code
     *     UNKNOWN_ACCOUNT}, {@code MISSING_REFERENCE}, {@code AMBIGUOUS_REFERENCE}, {@code INVALID_REFERENCE}, or a
     *     card capture whose orderId is malformed)
     * @param orderBecomesIncorrectAmount whether the named order moves to {@code INCORRECT_AMOUNT}: only for {@code
     *     AMOUNT_MISMATCH} on a {@code CREATED} or {@code WAITING} order
     */
    record Unidentified(
            UnidentifiedReason reason, @Nullable OrderId candidateOrderId, boolean orderBecomesIncorrectAmount)
            implements CreditDecision {
        public Unidentified {
            Objects.requireNonNull(reason, "reason");
            if (orderBecomesIncorrectAmount && reason != UnidentifiedReason.AMOUNT_MISMATCH) {
                throw new IllegalArgumentException("only an amount mismatch makes an order INCORRECT_AMOUNT");
            }
        }

        /** An unidentified transfer that names no order and changes none. */
        public static Unidentified because(UnidentifiedReason reason) {
            return new Unidentified(reason, null, false);
        }

        /** An unidentified transfer naming {@code candidateOrderId}, which it does not change. */
        public static Unidentified because(UnidentifiedReason reason, OrderId candidateOrderId) {
            return new Unidentified(reason, candidateOrderId, false);
        }
    }
}
