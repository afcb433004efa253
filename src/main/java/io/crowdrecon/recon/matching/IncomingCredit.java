package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Money that arrived: a bank-feed CREDIT or a successful card CAPTURE, already parsed and validated by its ingest
 * adapter. Text fields are as received (not normalised) and may be null unless said otherwise.
 *
 * @param notificationId the feed's or gateway's id of the notification; never null
 * @param channel how the money arrived; never null
 * @param amount in the major unit of {@code currency} (for example {@code 810.68} EUR), greater than 0; never null
 * @param currency ISO 4217 code, upper case; never null
 * @param creditorIban the credited account as the bank wrote it; null for a card capture
 * @param bankReference the bank's reference of the booking; null for a card capture
 * @param description free-text remittance information
 * @param structuredReference structured remittance information (an ISO 11649 {@code RF…} reference or anything else)
 * @param payerName the payer's name as the bank wrote it
 * @param payerIban the payer's account as the bank wrote it, possibly invalid
 * @param pspReference the card gateway's reference of the payment; null for a bank transfer
 * @param cardOrderId the {@code orderId} field of a card capture, as received; null for a bank transfer
 * @param returnOfInstructionId on a bank transfer, the id of our own outgoing instruction it returns, if the bank says
 *     so
 * @param returnReason with {@code returnOfInstructionId}, the bank's reason code of the return (ISO external return
 *     reason such as {@code AC04}, or {@code NARR}) when the bank gives one; null otherwise
 * @param bookingDate the bank's booking date
 * @param sourcePortalId for a card capture reported by a portal's signed webhook, that portal; null otherwise
 * @param receivedAt when the bank or gateway received the money ({@code receivedDatetime} / {@code eventDatetime});
 *     never null
 */
public record IncomingCredit(
        String notificationId,
        CreditChannel channel,
        BigDecimal amount,
        String currency,
        @Nullable String creditorIban,
        @Nullable String bankReference,
        @Nullable String description,
        @Nullable String structuredReference,
        @Nullable String payerName,
        @Nullable String payerIban,
        @Nullable String pspReference,
        @Nullable String cardOrderId,
        @Nullable String returnOfInstructionId,
        @Nullable String returnReason,
        @Nullable LocalDate bookingDate,
        Instant receivedAt,
        @Nullable String sourcePortalId) {

    public IncomingCredit {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Whether the money came by card rather than by bank transfer. */
    public boolean isCard() {
        return channel == CreditChannel.CARD;
    }

    /** The money that arrived: {@code amount} in {@code currency}, as its ingest adapter validated it. */
    public Money money() {
        return Money.of(amount, currency);
    }
}
