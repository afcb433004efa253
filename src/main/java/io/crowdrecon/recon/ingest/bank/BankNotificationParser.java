package io.crowdrecon.recon.ingest.bank;

import io.crowdrecon.recon.ingest.bank.BankNotification.Credit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Debit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Rejected;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Iban;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a bank notification (SPEC.md section 6) as a tolerant reader: unknown fields are ignored,
 * but every field it uses must be present when required and valid, else the record is rejected
 * with a reason naming the field.
 */
public final class BankNotificationParser {

    static final int MAX_DESCRIPTION_BYTES = 4096;
    static final int MAX_TEXT = 255;

    private final ObjectMapper json;

    public BankNotificationParser(ObjectMapper json) {
        this.json = json;
    }

    public BankNotification parse(byte[] value) {
        if (value == null || value.length == 0) {
            return new Rejected("empty record", true, null, null, null);
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            return new Rejected("not JSON: " + firstLine(e.getOriginalMessage()), true, null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new Rejected("not a JSON object", true, null, null, null);
        }
        Fields fields = new Fields(root);
        try {
            String direction = fields.requiredText("direction");
            if ("CREDIT".equals(direction)) {
                return new Credit(credit(fields));
            }
            if ("DEBIT".equals(direction)) {
                return debit(fields);
            }
            throw new Invalid("direction: must be CREDIT or DEBIT");
        } catch (Invalid e) {
            boolean mayBeCredit = !"DEBIT".equals(fields.textOrNull("direction"));
            return new Rejected(
                    e.getMessage(),
                    mayBeCredit,
                    fields.textOrNull("notificationId"),
                    fields.decimalOrNull("amount"),
                    fields.textOrNull("currency"));
        }
    }

    private static IncomingCredit credit(Fields f) {
        String notificationId = f.requiredText("notificationId");
        String currency = f.currency("currency");
        BigDecimal amount = f.amount("amount", currency);
        String creditorIban = Iban.normalise(f.requiredText("creditorIban"));
        if (Iban.tryParse(creditorIban).isEmpty()) {
            throw new Invalid("creditorIban: not a valid IBAN");
        }
        String bankReference = f.requiredText("bankReference");
        Instant receivedAt = f.dateTime("receivedDatetime", true);
        String description = f.optionalText("description", Integer.MAX_VALUE);
        if (description != null && description.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
            throw new Invalid("description: longer than 4 KiB");
        }
        String payerIban = f.optionalText("payerIban", 64);
        return new IncomingCredit(
                notificationId,
                CreditChannel.BANK_TRANSFER,
                amount,
                currency,
                creditorIban,
                bankReference,
                description,
                f.optionalText("structuredReference", MAX_TEXT),
                f.optionalText("payerName", MAX_TEXT),
                payerIban == null ? null : Iban.normalise(payerIban),
                null,
                null,
                f.optionalText("returnOfInstructionId", MAX_TEXT),
                f.date("bookingDate"),
                receivedAt);
    }

    private static Debit debit(Fields f) {
        String notificationId = f.requiredText("notificationId");
        String instructionId = f.optionalText("instructionId", MAX_TEXT);
        String returnOf = f.optionalText("returnOfNotificationId", MAX_TEXT);
        String status = null;
        BigDecimal amount = null;
        String currency = f.has("currency") ? f.currency("currency") : null;
        if (f.has("amount")) {
            amount = f.amount("amount", currency == null ? "EUR" : currency);
        }
        if (instructionId != null) {
            status = f.requiredText("status");
            if (!status.equals("EXECUTED") && !status.equals("FAILED")) {
                throw new Invalid("status: must be EXECUTED or FAILED");
            }
        } else if (returnOf != null) {
            if (amount == null) {
                throw new Invalid("amount: required for a recall (returnOfNotificationId)");
            }
            if (currency == null) {
                throw new Invalid("currency: required for a recall (returnOfNotificationId)");
            }
        } else {
            throw new Invalid("a DEBIT needs instructionId and status, or returnOfNotificationId, amount and currency");
        }
        return new Debit(
                notificationId,
                instructionId,
                status,
                returnOf,
                amount,
                currency,
                f.date("bookingDate"),
                f.optionalText("reason", MAX_TEXT));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** A validation failure naming the field. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Typed, checked access to the fields of one notification. */
    static final class Fields {
        private final JsonNode root;

        Fields(JsonNode root) {
            this.root = root;
        }

        boolean has(String name) {
            JsonNode node = root.get(name);
            return node != null && !node.isNull();
        }

        String textOrNull(String name) {
            JsonNode node = root.get(name);
            return node != null && node.isString() ? node.asString() : null;
        }

        BigDecimal decimalOrNull(String name) {
            JsonNode node = root.get(name);
            return node != null && node.isNumber() ? node.decimalValue() : null;
        }

        String requiredText(String name) {
            String value = optionalText(name, MAX_TEXT);
            if (value == null) {
                throw new Invalid(name + ": required");
            }
            return value;
        }

        String optionalText(String name, int maxLength) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                throw new Invalid(name + ": must be a string");
            }
            String value = node.asString();
            if (value.isBlank()) {
                return null;
            }
            if (value.length() > maxLength) {
                throw new Invalid(name + ": longer than " + maxLength + " characters");
            }
            return value;
        }

        String currency(String name) {
            String code = requiredText(name).toUpperCase(Locale.ROOT);
            if (!Amounts.isKnownCurrency(code)) {
                throw new Invalid(name + ": not an ISO 4217 currency code");
            }
            return code;
        }

        /** A JSON number &gt; 0, at most 999,999,999.99, with no more decimals than the currency has. */
        BigDecimal amount(String name, String currency) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new Invalid(name + ": required");
            }
            if (!node.isNumber()) {
                throw new Invalid(name + ": must be a JSON number");
            }
            BigDecimal amount = node.decimalValue();
            int digits = Amounts.minorDigits(currency);
            if (!Amounts.isPositiveWithAtMost(amount, digits)) {
                throw new Invalid(name + ": must be greater than 0, at most " + Amounts.MAX.toPlainString()
                        + ", with at most " + digits + " decimals for " + currency);
            }
            return amount;
        }

        Instant dateTime(String name, boolean required) {
            String value = required ? requiredText(name) : optionalText(name, 64);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new Invalid(name + ": must be an ISO 8601 date-time with offset");
            }
        }

        LocalDate date(String name) {
            String value = optionalText(name, 32);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(name + ": must be an ISO date (yyyy-mm-dd)");
            }
        }
    }
}
