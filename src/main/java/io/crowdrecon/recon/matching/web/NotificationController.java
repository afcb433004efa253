package io.crowdrecon.recon.matching.web;

import io.crowdrecon.recon.matching.Notifications;
import io.crowdrecon.recon.matching.Notifications.Notification;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ops look up a decided credit by its notification id (named by review items and statement entries). */
@RestController
@Tag(name = ApiTags.REVIEW)
public class NotificationController {

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Schema(
            name = "CreditNotification",
            description = "A credit as the books decided it, and where its notification came from.",
            requiredProperties = {
                "notificationId",
                "channel",
                "amount",
                "currency",
                "outcome",
                "source",
                "receivedDatetime",
                "recordedDatetime"
            })
    public record NotificationResponse(
            String notificationId,
            PaymentChannel channel,
            BigDecimal amount,
            String currency,
            @Nullable String creditorIban,
            @Nullable String bankReference,
            @Nullable LocalDate bookingDate,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String description,
            @Nullable String structuredReference,
            @Nullable String portalId,
            @Schema(allowableValues = {"MATCHED", "UNIDENTIFIED", "DUPLICATE_FEED", "INSTRUCTION_RETURNED"})
                    String outcome,
            @Schema(description = "Why it is UNIDENTIFIED") @Nullable String reason,
            @Nullable String orderId,
            @Schema(description = "The notification a DUPLICATE_FEED repeats") @Nullable String duplicateOf,
            @Schema(
                            description = "FEED: a JSON notification or card webhook; BANK_FILE: an entry of a bank"
                                    + " file; STATEMENT: never notified, decided when a statement found it missing",
                            allowableValues = {"FEED", "BANK_FILE", "STATEMENT"})
                    String source,
            Instant receivedDatetime,
            Instant recordedDatetime) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(
                    n.notificationId(),
                    PaymentChannel.valueOf(n.channel().name()),
                    n.amount(),
                    n.currency(),
                    n.creditorIban(),
                    n.bankReference(),
                    n.bookingDate(),
                    n.payerName(),
                    n.payerIban(),
                    n.description(),
                    n.structuredReference(),
                    n.portalId() == null ? null : n.portalId().value(),
                    n.outcome(),
                    n.reason(),
                    n.orderId() == null ? null : n.orderId().value(),
                    n.duplicateOf(),
                    n.source(),
                    n.receivedAt(),
                    n.recordedAt());
        }
    }

    @GetMapping("/api/v1/ops/notifications/{notificationId}")
    @Operation(
            operationId = "getNotification",
            summary = "Get a credit notification",
            description = "A decided credit by its notification id: outcome, order, and its source (FEED, BANK_FILE"
                    + " or STATEMENT).")
    Mono<NotificationResponse> notification(@PathVariable String notificationId) {
        return notifications
                .byId(notificationId)
                .map(NotificationResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Notification", notificationId)));
    }
}
