package io.crowdrecon.recon.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications of {@code recon.card-notifications} as a card gateway writes them (SPEC.md section 6), for tests:
 * every required field has a fresh default, every field can be changed, removed or given a value of the wrong type.
 */
public final class CardMessages {

    public static final String TOPIC = "recon.card-notifications";
    public static final String DLQ = TOPIC + ".dlq";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private CardMessages() {}

    /** A successful authorisation of 1100.00 EUR for {@code orderId}, with fresh ids. */
    public static CardNotification authorisation(String orderId) {
        return new CardNotification("AUTHORISATION", orderId);
    }

    /** A successful capture of 1100.00 EUR for {@code orderId}, with fresh ids. */
    public static CardNotification capture(String orderId) {
        return new CardNotification("CAPTURE", orderId);
    }

    /**
     * The gateway confirming (or, with {@code success:false}, failing) our card instruction {@code instructionId} (left
     * out when null) on {@code pspReference} (a fresh one when null).
     */
    public static CardNotification refund(String orderId, String instructionId, String pspReference) {
        CardNotification refund = new CardNotification("REFUND", orderId);
        if (pspReference != null) {
            refund.pspReference(pspReference);
        }
        return instructionId == null ? refund : refund.with("instructionId", instructionId);
    }

    /** The card network taking back 1100.00 EUR paid for {@code orderId} under {@code pspReference}. */
    public static CardNotification chargeback(String orderId, String pspReference) {
        return new CardNotification("CHARGEBACK", orderId)
                .pspReference(pspReference)
                .reason("FRAUD");
    }

    /** A notification id never used before. */
    public static String newNotificationId() {
        return "CARD-" + UUID.randomUUID();
    }

    /** A well-formed orderId (valid MOD 97-10 check digits) that no order has. */
    public static String unknownOrderId() {
        StringBuilder digits = new StringBuilder("9");
        for (int i = 1; i < 14; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int check =
                98 - new BigInteger(digits + "00").mod(BigInteger.valueOf(97)).intValue();
        return String.format("TRX%s%02d", digits, check);
    }

    /** One card notification under construction; {@link #json()} writes it. */
    public static final class CardNotification {

        private final Map<String, Object> fields = new LinkedHashMap<>();

        private CardNotification(String eventCode, String orderId) {
            fields.put("notificationId", newNotificationId());
            fields.put("eventCode", eventCode);
            fields.put("success", true);
            fields.put("orderId", orderId);
            fields.put("amount", new BigDecimal("1100.00"));
            fields.put("currency", "EUR");
            fields.put(
                    "pspReference",
                    "PSP" + UUID.randomUUID().toString().replace("-", "").toUpperCase());
            fields.put(
                    "eventDatetime",
                    OffsetDateTime.now(ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.MILLIS)
                            .toString());
        }

        private CardNotification(Map<String, Object> fields) {
            this.fields.putAll(fields);
        }

        public CardNotification success(boolean success) {
            return with("success", success);
        }

        /** The amount as a JSON number written exactly as {@code amount} reads. */
        public CardNotification amount(String amount) {
            return with("amount", new BigDecimal(amount));
        }

        public CardNotification pspReference(String pspReference) {
            return with("pspReference", pspReference);
        }

        public CardNotification notificationId(String notificationId) {
            return with("notificationId", notificationId);
        }

        public CardNotification reason(String reason) {
            return with("reason", reason);
        }

        /** Sets any field to any JSON value (a string where a number belongs, an unknown field...). */
        public CardNotification with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public CardNotification without(String field) {
            fields.remove(field);
            return this;
        }

        /** Another notification with the same fields, to change independently. */
        public CardNotification copy() {
            return new CardNotification(fields);
        }

        public String notificationId() {
            return (String) fields.get("notificationId");
        }

        public String orderId() {
            return (String) fields.get("orderId");
        }

        public String pspReference() {
            return (String) fields.get("pspReference");
        }

        public String json() {
            return JSON.writeValueAsString(fields);
        }

        public byte[] bytes() {
            return json().getBytes(StandardCharsets.UTF_8);
        }
    }
}
