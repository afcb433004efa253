package io.crowdrecon.recon.ingest.card;

import io.crowdrecon.recon.ingest.Inbound;
import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.JsonFields;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.payment.card.ApplyCardEvent;
import io.crowdrecon.recon.payment.card.CardEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads {@code recon.card-notifications} (SPEC.md section 6) as a tolerant reader: a successful
 * CAPTURE is a credit for the matcher (its reference is its {@code orderId}); every other event is
 * applied by the payment capability; an invalid record goes to the DLQ (tracked as money when it
 * may be a capture).
 */
public class CardNotifications implements Function<InboundRecord, Inbound> {

    private final ObjectMapper json;
    private final ApplyCardEvent cardEvents;

    public CardNotifications(ObjectMapper json, ApplyCardEvent cardEvents) {
        this.json = json;
        this.cardEvents = cardEvents;
    }

    @Override
    public Inbound apply(InboundRecord record) {
        Parsed parsed = parse(record.value(), record.sourcePortalId());
        CardEvent event = parsed.event();
        if (event == null) {
            JsonFields.Problem rejection =
                    Objects.requireNonNull(parsed.rejection(), "a notification without an event was rejected");
            return new Inbound.Rejected(
                    record,
                    rejection.reason(),
                    parsed.mayBeCredit(),
                    parsed.notificationId(),
                    parsed.amount(),
                    parsed.currency());
        }
        if (event.code() == CardEvent.Code.CAPTURE && event.success()) {
            return new Inbound.Credit(
                    record,
                    new IncomingCredit(
                            event.notificationId(),
                            CreditChannel.CARD,
                            event.amount(),
                            event.currency(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            event.pspReference(),
                            event.orderId(),
                            null,
                            null,
                            null,
                            event.eventAt(),
                            event.sourcePortalId()));
        }
        return new Inbound.Action(
                record, "card " + event.code() + " " + event.notificationId(), () -> cardEvents.apply(event));
    }

    /** A parsed notification, or why it is not one. */
    public record Parsed(
            @Nullable CardEvent event,
            JsonFields.@Nullable Problem rejection,
            boolean mayBeCredit,
            @Nullable String notificationId,
            java.math.@Nullable BigDecimal amount,
            @Nullable String currency) {

        /** The event of a notification that was not rejected: a parse gives one or the other. */
        public CardEvent accepted() {
            return Objects.requireNonNull(event, "a notification without a rejection has its event");
        }
    }

    /** Parses and validates one card notification; also used by the webhook to refuse bad bodies. */
    public Parsed parse(byte @Nullable [] value, @Nullable String sourcePortalId) {
        JsonNode root;
        try {
            root = value == null || value.length == 0 ? null : json.readTree(value);
        } catch (JacksonException | NumberFormatException e) {
            // NumberFormatException: Jackson refuses a number beyond BigDecimal's limits (1E-2147483649) with it.
            return new Parsed(null, new JsonFields.Problem(null, "not JSON"), true, null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, new JsonFields.Problem(null, "not a JSON object"), true, null, null, null);
        }
        JsonFields f = new JsonFields(root);
        try {
            String notificationId = f.requiredText("notificationId");
            CardEvent.Code code = code(f.requiredText("eventCode"));
            boolean success = f.bool("success");
            String orderId = f.requiredText("orderId");
            String currency = f.currency("currency");
            var amount = f.amount("amount", currency);
            String pspReference = f.requiredText("pspReference");
            var eventAt = f.requiredDateTime("eventDatetime");
            return new Parsed(
                    new CardEvent(
                            notificationId,
                            code,
                            success,
                            orderId,
                            amount,
                            currency,
                            pspReference,
                            eventAt,
                            f.optionalText("reason", 255),
                            f.optionalText("instructionId", 255),
                            sourcePortalId),
                    null,
                    false,
                    notificationId,
                    amount,
                    currency);
        } catch (JsonFields.Invalid e) {
            String eventCode = f.textOrNull("eventCode");
            boolean mayBeCredit = eventCode == null || "CAPTURE".equals(eventCode.toUpperCase(Locale.ROOT));
            return new Parsed(
                    null,
                    e.problem(),
                    mayBeCredit,
                    f.textOrNull("notificationId"),
                    f.decimalOrNull("amount"),
                    f.textOrNull("currency"));
        }
    }

    private static CardEvent.Code code(String value) {
        try {
            return CardEvent.Code.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new JsonFields.Invalid("eventCode", "must be AUTHORISATION, CAPTURE, REFUND or CHARGEBACK");
        }
    }
}
