package io.crowdrecon.recon.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * DEBIT messages of {@code recon.bank-notifications} as a bank feed writes them (SPEC.md section 6), for tests: the
 * bank's answer to one of our instructions, or its recall of an earlier credit. Every field can be changed or removed.
 */
public final class DebitMessages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private DebitMessages() {}

    /** The bank's answer {@code status} (EXECUTED or FAILED) to instruction {@code instructionId} of {@code amount} EUR. */
    public static Debit answer(String instructionId, String status, String amount) {
        return new Debit()
                .with("instructionId", instructionId)
                .with("status", status)
                .with("amount", new BigDecimal(amount))
                .with("currency", "EUR");
    }

    /** The bank taking back {@code amount} EUR of the credit {@code creditNotificationId}. */
    public static Debit recall(String creditNotificationId, String amount) {
        return new Debit()
                .with("returnOfNotificationId", creditNotificationId)
                .with("amount", new BigDecimal(amount))
                .with("currency", "EUR");
    }

    /** One DEBIT message under construction; {@link #json()} writes it. */
    public static final class Debit {

        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Debit() {
            fields.put("notificationId", Credits.newNotificationId());
            fields.put("direction", "DEBIT");
            fields.put("bookingDate", LocalDate.now(ZoneOffset.UTC).toString());
        }

        public Debit notificationId(String notificationId) {
            return with("notificationId", notificationId);
        }

        public Debit reason(String reason) {
            return with("reason", reason);
        }

        /** Sets any field to any JSON value. */
        public Debit with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Debit without(String field) {
            fields.remove(field);
            return this;
        }

        public String notificationId() {
            return (String) fields.get("notificationId");
        }

        public String json() {
            return JSON.writeValueAsString(fields);
        }
    }
}
