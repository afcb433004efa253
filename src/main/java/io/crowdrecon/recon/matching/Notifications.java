package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The money-in notifications the books decided, as recorded: what ops look up from a statement entry or an item. */
public interface Notifications {

    /**
     * One decided credit.
     *
     * @param source {@code FEED} (a JSON notification or a card webhook), {@code BANK_FILE} (an entry of a camt.052/054
     *     or of a statement of an account with no reconciliation), {@code STATEMENT} (never notified: a statement found
     *     it missing)
     */
    record Notification(
            String notificationId,
            CreditChannel channel,
            BigDecimal amount,
            String currency,
            @Nullable String creditorIban,
            @Nullable String bankReference,
            @Nullable LocalDate bookingDate,
            Instant receivedAt,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String description,
            @Nullable String structuredReference,
            @Nullable PortalId portalId,
            String outcome,
            @Nullable String reason,
            @Nullable OrderId orderId,
            @Nullable String duplicateOf,
            String source,
            Instant recordedAt) {}

    Mono<Notification> byId(String notificationId);
}
