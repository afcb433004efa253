package io.crowdrecon.recon.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * CREDIT messages of {@code recon.bank-notifications} as a bank feed writes them (SPEC.md section 6), for tests:
 * every required field has a fresh default, every field can be changed, removed or given a value of the wrong type.
 */
public final class Credits {

    public static final String TOPIC = "recon.bank-notifications";
    public static final String DLQ = TOPIC + ".dlq";
    /** Partitions of the inbound topics (SPEC.md section 6). */
    public static final int PARTITIONS = 6;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Credits() {}

    /**
     * A credit of 1100.00 EUR to {@code creditorIban} from Mario Rossi, received now, with fresh notification id and
     * bank reference, and no description.
     */
    public static Credit to(String creditorIban) {
        return new Credit(creditorIban);
    }

    /** A notification id never used before. */
    public static String newNotificationId() {
        return "NTF-" + UUID.randomUUID();
    }

    /** The partition the producer's default partitioner gives a record with this key. */
    public static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** A new notification id whose records land on {@code partition}. */
    public static String newNotificationIdOnPartition(int partition) {
        while (true) {
            String id = newNotificationId();
            if (partitionOf(id) == partition) {
                return id;
            }
        }
    }

    /** One CREDIT message under construction; {@link #json()} writes it. */
    public static final class Credit {

        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Credit(String creditorIban) {
            fields.put("notificationId", newNotificationId());
            fields.put("direction", "CREDIT");
            fields.put("amount", new BigDecimal("1100.00"));
            fields.put("currency", "EUR");
            fields.put("creditorIban", creditorIban);
            fields.put("bankReference", "BR" + UUID.randomUUID().toString().replace("-", ""));
            fields.put(
                    "receivedDatetime",
                    OffsetDateTime.now(ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.MILLIS)
                            .toString());
            fields.put("bookingDate", LocalDate.now(ZoneOffset.UTC).toString());
            fields.put("payerName", "Mario Rossi");
        }

        private Credit(Map<String, Object> fields) {
            this.fields.putAll(fields);
        }

        /** The amount as a JSON number written exactly as {@code amount} reads ("1100.00" keeps its zeros). */
        public Credit amount(String amount) {
            return with("amount", new BigDecimal(amount));
        }

        public Credit currency(String currency) {
            return with("currency", currency);
        }

        public Credit description(String description) {
            return with("description", description);
        }

        public Credit structuredReference(String structuredReference) {
            return with("structuredReference", structuredReference);
        }

        public Credit payerName(String payerName) {
            return with("payerName", payerName);
        }

        public Credit payerIban(String payerIban) {
            return with("payerIban", payerIban);
        }

        public Credit notificationId(String notificationId) {
            return with("notificationId", notificationId);
        }

        public Credit bankReference(String bankReference) {
            return with("bankReference", bankReference);
        }

        public Credit bookingDate(String bookingDate) {
            return with("bookingDate", bookingDate);
        }

        /** Sets any field to any JSON value (a string where a number belongs, an unknown field...). */
        public Credit with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Credit without(String field) {
            fields.remove(field);
            return this;
        }

        /** Another message with the same fields, to change independently. */
        public Credit copy() {
            return new Credit(fields);
        }

        public String notificationId() {
            return (String) fields.get("notificationId");
        }

        public String bankReference() {
            return (String) fields.get("bankReference");
        }

        public String json() {
            return JSON.writeValueAsString(fields);
        }
    }
}
